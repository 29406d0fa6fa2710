// Analysis panel: who is named, who said what, which figures are cited, for the open article.
// Every row is a span of the article: clicking it shows the article with that span highlighted.
// Tables export as CSV and JSON (downloaded by the page; nothing leaves the machine).
#include "app.hpp"
#include "export.hpp"

#include <imgui.h>

#include <nlohmann/json.hpp>

#include <cstdio>

namespace {

using broadsheet::ByteRange;
using broadsheet::text_of;

std::string str(std::string_view text, ByteRange r) { return std::string(text_of(text, r)); }

// The analysis tables as rows of text (first row: the header), for CSV and JSON alike.
TextTable entity_rows(const broadsheet::Analysis& an, std::string_view text) {
    TextTable rows{{"name", "kind", "acronym", "mentions"}};
    for (const auto& e : an.entities.list)
        rows.push_back({str(text, e.name), std::string(to_string(e.kind)), str(text, e.acronym), std::to_string(e.count)});
    return rows;
}
// Who said it: the speaker's entity by its name, or the words as written where they hold that
// name and say more, the entity being no person ("one CBT crush trader", not "CBT": the
// trader's exchange, not the trader).
std::string speaker_of(const broadsheet::Quote& q, const broadsheet::Analysis& an, std::string_view text) {
    const std::string written = str(text, q.speaker);
    if (q.entity < 0 || size_t(q.entity) >= an.entities.list.size()) return written;
    const auto& e = an.entities.list[size_t(q.entity)];
    std::string name = str(text, e.name);
    if (e.kind != broadsheet::EntityKind::Person && written.size() > name.size() &&
        written.find(name) != std::string::npos)
        return written;
    return name;
}
TextTable quote_rows(const broadsheet::Analysis& an, std::string_view text) {
    TextTable rows{{"quote", "speaker", "cue", "attribution"}};
    for (const auto& q : an.quotes) {
        std::string speaker = speaker_of(q, an, text);
        // "he (a USDA official)": the pronoun's speaker, unnamed, as the text gave it before.
        if (q.same_as >= 0 && size_t(q.same_as) < an.quotes.size())
            speaker += " (" + str(text, an.quotes[size_t(q.same_as)].speaker) + ")";
        else if (q.referent.size()) // "he (The official)": named so in reported speech before
            speaker += " (" + str(text, q.referent) + ")";
        if (q.continues >= 0 && speaker.empty()) {
            const auto& first = an.quotes[size_t(q.continues)];
            speaker = speaker_of(first, an, text);
        }
        rows.push_back({str(text, q.text), speaker, str(text, q.cue), str(text, q.attribution)});
    }
    return rows;
}
TextTable number_rows(const broadsheet::Analysis& an, std::string_view text) {
    // "upper": the top of a range ("15-20 mln" -> 15000000 to 20000000); the value when none.
    TextTable rows{{"phrase", "value", "upper", "unit", "comparison", "kind"}};
    for (const auto& n : an.numbers) {
        rows.push_back({str(text, n.span), figure_value_text(n, n.value), figure_value_text(n, std::max(n.upper, n.value)),
                        str(text, n.unit), std::string(to_string(n.comparison)),
                        std::string(to_string(n.kind))});
    }
    return rows;
}

void show_spans(App& app, std::vector<ByteRange> spans) {
    app.set_highlights(std::move(spans));
    app.right_tab_request = RightTab::Reader;
    app.right_tab_requested = true;
}

} // namespace

const broadsheet::Analysis* App::analysis_of_open() {
    const broadsheet::Article* a = corpus.find(reader.open);
    if (!a) return nullptr;
    if (analysis.article != reader.open) {
        analysis.result = broadsheet::analyze(a->text, a->language);
        analysis.article = reader.open;
    }
    return &analysis.result;
}

void draw_analysis_panel(App& app) {
    const broadsheet::Article* a = app.corpus.find(app.reader.open);
    const broadsheet::Analysis* an = app.analysis_of_open();
    if (!a || !an) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("Open an article to see who is named, who said what and which figures it cites.");
        ImGui::PopTextWrapPos();
        return;
    }
    if (!an->ok()) {
        ImGui::TextColored(ImVec4(0.95f, 0.35f, 0.3f, 1), "%s", an->error.c_str());
        return;
    }
    const std::string& text = a->text;
    std::string stem = "article-" + std::to_string(app.reader.open);
    ImGui::BeginChild("analysis-body");
    constexpr ImGuiTableFlags kTable = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                       ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;

    if (ImGui::CollapsingHeader("Names", ImGuiTreeNodeFlags_DefaultOpen)) {
        export_buttons("entities", stem + "-names", entity_rows(*an, text));
        if (ImGui::BeginTable("entities", 3, kTable)) {
            ImGui::TableSetupColumn("Name", 0, 3);
            ImGui::TableSetupColumn("Kind", 0, 1.2f);
            ImGui::TableSetupColumn("Mentions", 0, 1);
            ImGui::TableHeadersRow();
            for (size_t i = 0; i < an->entities.list.size(); ++i) {
                const auto& e = an->entities.list[i];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::PushID(int(i));
                std::string label = str(text, e.name);
                if (e.acronym.size()) label += " (" + str(text, e.acronym) + ")";
                if (cut_selectable(label, false, ImGuiSelectableFlags_SpanAllColumns)) {
                    std::vector<ByteRange> spans;
                    for (const auto& m : an->entities.mentions)
                        if (m.entity == i) spans.push_back(m.range);
                    show_spans(app, std::move(spans));
                }
                ImGui::PopID();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(to_string(e.kind).data(), to_string(e.kind).data() + to_string(e.kind).size());
                ImGui::TableNextColumn();
                ImGui::Text("%u", e.count);
            }
            ImGui::EndTable();
        }
    }
    if (ImGui::CollapsingHeader("Quotes", ImGuiTreeNodeFlags_DefaultOpen)) {
        auto rows = quote_rows(*an, text);
        export_buttons("quotes", stem + "-quotes", rows);
        for (size_t i = 0; i < an->quotes.size(); ++i) {
            const auto& q = an->quotes[i];
            ImGui::PushID(int(i) + 100000);
            const std::string& speaker = rows[i + 1][1];
            std::string label = speaker.empty() ? (q.continues >= 0 ? "Continued, unattributed" : "Unattributed")
                                                : speaker + (q.continues >= 0 ? ", continued" : "");
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            ImGui::TextUnformatted(label.c_str());
            ImGui::PopStyleColor();
            // A speaker named: what else they said, across the library (the Corpus tab's Quotes);
            // offered at their first quote here.
            const int32_t who = q.continues >= 0 ? -1 : q.entity;
            bool first = who >= 0 && size_t(who) < an->entities.list.size();
            for (size_t k = 0; first && k < i; ++k) first = an->quotes[k].entity != who;
            if (first && app.corpus.size() > 1) {
                ImGui::SameLine();
                if (ImGui::SmallButton("All their quotes")) show_speaker(app, str(text, an->entities.list[size_t(who)].name));
            }
            ImGui::PushTextWrapPos(0);
            std::string shown = "\xE2\x80\x9C" + str(text, q.text) + "\xE2\x80\x9D";
            if (ImGui::Selectable(("##quote" + std::to_string(i)).c_str(), false, 0,
                                  ImVec2(0, ImGui::CalcTextSize(shown.c_str(), nullptr, false, ImGui::GetContentRegionAvail().x).y)))
                show_spans(app, {q.text, q.attribution});
            ImGui::SameLine(ImGui::GetCursorStartPos().x);
            ImGui::TextWrapped("%s", shown.c_str());
            ImGui::PopTextWrapPos();
            ImGui::Spacing();
            ImGui::PopID();
        }
        if (an->quotes.empty()) ImGui::TextDisabled("No quotations.");
    }
    if (ImGui::CollapsingHeader("Figures", ImGuiTreeNodeFlags_DefaultOpen)) {
        export_buttons("numbers", stem + "-figures", number_rows(*an, text));
        if (ImGui::BeginTable("numbers", 3, kTable)) {
            ImGui::TableSetupColumn("As written", 0, 3);
            ImGui::TableSetupColumn("Value", 0, 1.2f);
            ImGui::TableSetupColumn("Kind", 0, 1);
            ImGui::TableHeadersRow();
            for (size_t i = 0; i < an->numbers.size(); ++i) {
                const auto& n = an->numbers[i];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::PushID(int(i) + 200000);
                if (cut_selectable(text_of(text, n.span), false, ImGuiSelectableFlags_SpanAllColumns))
                    show_spans(app, {n.span});
                ImGui::PopID();
                ImGui::TableNextColumn();
                const char* bound = n.comparison == broadsheet::Comparison::Exact ? "" : "~ ";
                if (n.upper > n.value) // a range: 15000000–20000000
                    ImGui::Text("%s%s\xE2\x80\x93%s", bound, figure_value_text(n, n.value).c_str(), figure_value_text(n, n.upper).c_str());
                else
                    ImGui::Text("%s%s", bound, figure_value_text(n, n.value).c_str());
                ImGui::TableNextColumn();
                auto kind = to_string(n.kind);
                ImGui::TextUnformatted(kind.data(), kind.data() + kind.size());
            }
            ImGui::EndTable();
        }
    }
    ImGui::EndChild();
}

// The analysis of the open article for the test hook, once the panel has made it.
nlohmann::json analysis_json(const App& app) {
    const broadsheet::Article* a = app.corpus.find(app.reader.open);
    if (!a || app.analysis.article != app.reader.open) return nullptr;
    const broadsheet::Analysis* an = &app.analysis.result;
    return {{"article", app.reader.open},
            {"entities", table_json(entity_rows(*an, a->text))},
            {"quotes", table_json(quote_rows(*an, a->text))},
            {"numbers", table_json(number_rows(*an, a->text))}};
}
