public import Yams

extension YAMLFile {
    /// The same file with another tree: what a loader reads after command-line overrides
    /// (`--set PATH=VALUE`) have changed some of its values. Diagnostics still name ``path``.
    public func replacingRoot(_ root: Node) -> YAMLFile {
        YAMLFile(path: path, root: root, text: text)
    }
}
