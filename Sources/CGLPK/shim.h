#ifndef CGLPK_SHIM_H
#define CGLPK_SHIM_H
// GLPK's C API, from Debian's libglpk-dev (no pkg-config file is shipped, so none is named).
#include <glpk.h>
#endif
