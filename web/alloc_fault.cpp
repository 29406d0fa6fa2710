// Running out of memory. The tab's wasm heap is bounded (-sMAXIMUM_MEMORY); when it cannot grow,
// malloc returns null. If operator new then threw at once, the exception could start inside a
// destructor that allocates (nlohmann::json's does, to unnest without recursion) and end the
// program. So a reserve is held from the start: the first allocation that finds the heap full
// frees it and goes on, and memory_low() tells the import boundary, which fails that file at a
// safe point, undoes its part, and takes the reserve back. Only with the reserve spent does
// operator new throw std::bad_alloc (which the import boundary catches too).
//
// Allocation failure on demand, for tests: filling gigabytes to get there would make a slow, flaky
// test; instead a test asks for the Nth allocation of the next file's import to fail, exactly as a
// full heap would make it, with the reserve in hand or already spent (the browser test "an import
// that runs out of memory ..." sweeps N over every allocation of an import).
//
// This replaces the global operator new (the other forms reach it through libc++'s defaults, and
// every operator delete frees with free()). It costs a compare or two per allocation.
#include "alloc_fault.hpp"

#include <emscripten.h>

#include <cstdlib>
#include <new>

namespace {
constexpr std::size_t kReserveBytes = 16u << 20;
void* g_reserve = std::malloc(kReserveBytes);
bool g_low = false;

long g_requested = -1;       // the test's N for the next operation at g_requested_site; -1: none
AllocFaultSite g_requested_site = AllocFaultSite::import;
bool g_requested_spent = false; // ... with the reserve already spent
long g_countdown = -1;       // allocations to let through before one fails; -1: none fails
bool g_spent = false;        // the failure armed finds the reserve spent
bool g_struck = false;
} // namespace

void* operator new(std::size_t size) {
    bool full = false;
    if (g_countdown >= 0 && g_countdown-- == 0) {
        full = g_struck = true;
        if (g_spent && g_reserve) {
            std::free(g_reserve);
            g_reserve = nullptr;
            g_low = true;
        }
    }
    void* p = full ? nullptr : std::malloc(size ? size : 1);
    if (!p && g_reserve) {
        std::free(g_reserve);
        g_reserve = nullptr;
        g_low = true;
        p = std::malloc(size ? size : 1);
    }
    if (!p) throw std::bad_alloc();
    return p;
}

bool memory_low() { return g_low; }

bool memory_recovered() {
    if (!g_reserve) g_reserve = std::malloc(kReserveBytes);
    g_low = g_reserve == nullptr;
    return !g_low;
}

void alloc_fault_arm(AllocFaultSite site) {
    if (g_requested < 0 || site != g_requested_site) return; // struck stays as the last armed one left it
    g_struck = false;
    g_countdown = g_requested;
    g_spent = g_requested_spent;
    g_requested = -1;
}

bool alloc_fault_disarm() {
    g_countdown = -1;
    return g_struck;
}

// Test hook (shell/broadsheet.js: failAllocationInNextImport): allocation `n` (0: the first) of
// the next imported file finds the heap full, with the reserve in hand (spent = 0) or not (1); a
// negative n cancels.
extern "C" EMSCRIPTEN_KEEPALIVE void bs_fail_allocation_in_next_import(long n, int spent) {
    g_requested = n < 0 ? -1 : n;
    g_requested_site = AllocFaultSite::import;
    g_requested_spent = spent != 0;
}

// The same for the next search the app runs (failAllocationInNextSearch).
extern "C" EMSCRIPTEN_KEEPALIVE void bs_fail_allocation_in_next_search(long n, int spent) {
    g_requested = n < 0 ? -1 : n;
    g_requested_site = AllocFaultSite::search;
    g_requested_spent = spent != 0;
}

// Whether the failure asked for struck during the last import or search (1), or it needed fewer
// allocations (0).
extern "C" EMSCRIPTEN_KEEPALIVE int bs_allocation_failure_struck() { return g_struck ? 1 : 0; }
