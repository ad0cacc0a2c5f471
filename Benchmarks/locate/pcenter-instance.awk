# Writes a seeded random p-center problem (FORMATS.md §1, "points" form) on standard output:
# N demand points and M candidate sites uniform in a 100 × 100 square, P to open.
# The generator is MINSTD (Park–Miller), exact in awk's doubles, so every awk gives the same file.
# Usage: awk -v N=1000 -v M=80 -v P=10 -v SEED=2026 -f pcenter-instance.awk
function rnd() { state = (state * 48271) % 2147483647; return state / 2147483647 }
BEGIN {
    state = SEED > 0 ? SEED : 1
    printf "{\"model\": \"p-center\", \"p\": %d,\n \"points\": {\n  \"demand\": [", P
    for (i = 0; i < N; i++) printf "%s[%.3f, %.3f]", (i ? ", " : ""), 100 * rnd(), 100 * rnd()
    printf "],\n  \"facilities\": ["
    for (j = 0; j < M; j++) printf "%s[%.3f, %.3f]", (j ? ", " : ""), 100 * rnd(), 100 * rnd()
    printf "]}}\n"
}
