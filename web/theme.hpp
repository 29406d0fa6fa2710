#pragma once

// Sets ImGui's style for the dark or the light colour scheme.
void apply_theme(bool dark);
