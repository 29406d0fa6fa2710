// Tables as CSV (RFC 4180) and JSON for the analysis panels' downloads: rows of text, the first
// row the header. Downloads are made in the page; nothing leaves the machine.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

using TextTable = std::vector<std::vector<std::string>>;

std::string table_csv(const TextTable& rows);
// An array of objects keyed by the header row.
nlohmann::json table_json(const TextTable& rows);
// "CSV" and "JSON" small buttons that download `rows` as FILE_STEM.csv / .json.
void export_buttons(const char* id, const std::string& file_stem, const TextTable& rows);
