// Allocation failure on demand, for tests of running out of memory (alloc_fault.cpp).
#pragma once

// Around one file's import (platform_web.cpp): arms the failure a test asked for, if any, so it
// strikes inside that import and nowhere else; disarm() returns whether it struck.
void alloc_fault_arm_for_import();
bool alloc_fault_disarm();
