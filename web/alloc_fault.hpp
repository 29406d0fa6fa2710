// Running out of memory (alloc_fault.cpp): a reserve that keeps unwinding safe, and allocation
// failure on demand for tests.
#pragma once

// True once an allocation found the heap full and the reserve was spent to let it through: the
// import boundary (App::import_file) then fails the file and calls memory_recovered().
bool memory_low();
// Takes the reserve back (after the failed import's memory is freed); false if it does not fit.
bool memory_recovered();

// Where a test can ask for an allocation to fail: one file's import (platform_web.cpp), or one
// search (App::run_search).
enum class AllocFaultSite { import, search };
// Around one such operation: arms the failure a test asked for at that site, if any, so it strikes
// inside that operation and nowhere else; disarm() returns whether it struck.
void alloc_fault_arm(AllocFaultSite site);
bool alloc_fault_disarm();
