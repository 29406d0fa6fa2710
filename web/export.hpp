// Tables as CSV (RFC 4180) and JSON for the analysis panels' downloads: rows of text, the first
// row the header. Downloads are made in the page; nothing leaves the machine.
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

using TextTable = std::vector<std::vector<std::string>>;

// With a UTF-8 byte order mark first (Excel reads the accents right only so).
std::string table_csv(const TextTable& rows);
// An array of objects keyed by the header row; `numbers`: a column of numbers only holds numbers.
nlohmann::json table_json(const TextTable& rows, bool numbers = false);
// "CSV" and "JSON" small buttons that download `rows` as FILE_STEM.csv / .json.
void export_buttons(const char* id, const std::string& file_stem, const TextTable& rows);
// The same, the rows made only when a button is pressed (a big table is not copied every frame).
void export_buttons(const char* id, const std::string& file_stem, const std::function<TextTable()>& make_rows);
