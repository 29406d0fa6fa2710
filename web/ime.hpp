// Text input through the page's hidden text box (web/ime.cpp, shell/broadsheet.js).
#pragma once

// Points imgui's caret reports at the bridge; call once after creating the imgui context.
void text_input_init();
// Text from the page's paste event, for the box being edited (bs_paste).
void text_input_paste(const char* text);
// Before imgui's NewFrame, after the backend's: hands pasted text to imgui.
void text_input_new_frame();
// After each frame: gives the page's hidden text box the keyboard while imgui edits text (placed
// at the caret), and gives it back to the canvas when it does not.
void text_input_sync();
