// Allocation failure on demand, for tests of running out of memory. The tab's wasm heap is
// bounded (-sMAXIMUM_MEMORY); when it cannot grow, malloc returns null and operator new throws
// std::bad_alloc. Filling gigabytes to get there would make a slow, flaky test; instead a test
// asks for the Nth allocation of the next file's import to fail, exactly as a real failure would,
// and checks what the app did (the browser test "an import that runs out of memory ..." sweeps N
// over every allocation of an import).
//
// This replaces the global operator new (the other forms reach it through libc++'s defaults, and
// every operator delete frees with free()). It costs one compare per allocation.
#include "alloc_fault.hpp"

#include <emscripten.h>

#include <cstdlib>
#include <new>

namespace {
long g_requested = -1; // the test's N for the next import; -1: none
long g_countdown = -1; // allocations to let through before one fails; -1: none fails
bool g_struck = false;
} // namespace

void* operator new(std::size_t size) {
    if (g_countdown >= 0 && g_countdown-- == 0) {
        g_struck = true;
        throw std::bad_alloc();
    }
    void* p = std::malloc(size ? size : 1);
    if (!p) throw std::bad_alloc();
    return p;
}

void alloc_fault_arm_for_import() {
    g_countdown = g_requested;
    g_requested = -1;
    g_struck = false;
}

bool alloc_fault_disarm() {
    g_countdown = -1;
    return g_struck;
}

// Test hook (shell/broadsheet.js: failAllocationInNextImport): allocation `n` (0: the first) of
// the next imported file fails; a negative n cancels.
extern "C" EMSCRIPTEN_KEEPALIVE void bs_fail_allocation_in_next_import(long n) { g_requested = n < 0 ? -1 : n; }

// Whether the failure asked for struck during the last import (1) or the import needed fewer
// allocations (0).
extern "C" EMSCRIPTEN_KEEPALIVE int bs_allocation_failure_struck() { return g_struck ? 1 : 0; }
