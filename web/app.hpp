// The Broadsheet app: what the UI shows, in plain structs, and the actions on it.
//
// The app owns a core Corpus; panels (one file each) draw from App and change it only through the
// functions below, so the JS test hook and the UI see the same state.
#pragma once

#include "broadsheet/analysis.hpp"
#include "broadsheet/corpus.hpp"
#include "broadsheet/corpus_analysis.hpp"
#include "broadsheet/import.hpp"
#include "broadsheet/search.hpp"
#include "broadsheet/snippet.hpp"
#include "text_layout.hpp"

#include <algorithm>
#include <utility>
#include <array>
#include <string>
#include <unordered_map>
#include <vector>

struct ImFont;

// What happened to one file of an import.
struct FileOutcome {
    std::string file;
    int articles = 0;                  // how many articles it gave
    std::vector<std::string> warnings; // caveats
    std::string error;                 // why it gave none; empty on success
};

struct LibraryPanelState {
    char filter[256] = "";
    int sort_column = -1; // -1: order added
    bool sort_ascending = true;
    std::vector<size_t> rows; // indices into corpus.articles(), filtered and sorted
    bool rows_dirty = true;
    // Every article in the order of the sort (indices into corpus.articles()): a filter key scans
    // it instead of sorting again. Made again when the sort or the library changes.
    std::vector<size_t> order;
    bool order_dirty = true;
    // Each column's ascending order of every article, kept once made: another click on a header
    // that was sorted before, or the other direction, sorts nothing. Removals shift them.
    std::array<std::vector<size_t>, 6> sorted_by;
    // Every article's title, file, source and authors in ASCII lower case (`haystack_ends[i]` ends article
    // i's): what the filter scans. Made on the first filter key after the library changed.
    std::string haystack;
    std::vector<uint32_t> haystack_ends;
    bool haystack_dirty = true;
    std::string rows_filter; // the filter `rows` were made with (folded)
    void library_changed() {
        rows_dirty = order_dirty = haystack_dirty = true;
        for (auto& s : sorted_by) s.clear();
    }
    double rebuilt_at = -1; // ImGui time of the last rebuild of `rows`
    broadsheet::ArticleId selected = 0; // the row last clicked (the open article, usually)
    std::vector<broadsheet::ArticleId> marked; // rows picked with Ctrl/Shift+click, ascending
    int anchor_row = -1;                        // where a Shift+click range starts
    bool scroll_to_selected = false;
    float scroll_y = 0, scroll_max_y = 0;       // the table's scroll, CSS px (for the test hook)
    float pane_right = 0;                       // where the left pane ends, CSS px (test hook)
};

struct SearchPanelState {
    // Room for twice the longest query the core reads, so a long paste shows the core's message
    // where it stops reading (broadsheet::search::kMaxQueryBytes) instead of being cut silently.
    char query[2 * broadsheet::search::kMaxQueryBytes + 1] = "";
    std::string ran;                         // the query the results are for
    broadsheet::search::SearchResult result; // hits, messages, what matched
    struct Row {
        broadsheet::ArticleId id = 0;
        double score = 0;
        // Made when the row is first shown (App::result_snippet): a snippet runs the analyzer
        // over the article again, and a search keeps up to 200 hits of which a dozen show.
        mutable broadsheet::search::Snippet snippet;
        mutable std::vector<broadsheet::ByteRange> title_marks; // the query's words in the title, made with the snippet
        mutable bool has_snippet = false;
        float height = -1; // as last drawn (px, with its spacing); -1: not drawn yet
        // Identical copies (the same body word for word: a wire story run by several outlets) are
        // folded under the first of them in the list: `copy_of` is that row, -1 for a row shown
        // in its own right; such a row counts its `copies` and shows them while `expanded`.
        int copy_of = -1;
        uint32_t copies = 0;
        bool expanded = false;
    };
    std::vector<Row> rows;               // hits, in the order asked for
    std::vector<int> shown;              // the rows as drawn: each not folded, its copies after it while expanded
    std::vector<std::string> history;    // queries whose results were opened, latest first
    int selected = -1;                   // keyboard selection in `rows`
    int select_after_run = -1;           // the selection once the next run is done (Down past the last hit: the next)
    bool scroll_to_selected = false;     // bring the selected hit into view next frame
    bool scroll_to_top = false;          // the results start from the top next frame (a new query or order)
    float scroll_y = 0;                  // the results' scroll, CSS px (for the test hook)
    float order_rect[4] = {0, 0, 0, 0};  // where the order menu was last drawn (x, y, w, h); w 0: none
    float sources_rect[4] = {0, 0, 0, 0}; // the same for the menus that narrow by source and by date
    float dates_rect[4] = {0, 0, 0, 0};
    float export_rect[4] = {0, 0, 0, 0}; // the Export menu's
    struct CopiesLine {
        int row;
        float rect[4];
    };
    std::vector<CopiesLine> copies_lines; // the "+N more with this text" lines drawn last frame
    float results_width = 0;             // the width the rows' heights were measured at
    bool focus_box = false;              // put the keyboard in the query box next frame
    int focus_wait = 0;                  // frames left to hold typed characters for the box
    int held_frame = -1;                 // the imgui frame that last held them
    bool slash_pending = false;          // the '/' that asked for the box is still to be swallowed
    bool box_was_active = false;         // the box had the keyboard in the last frame
    bool history_shown = false;          // the recent searches were drawn in the last frame
    bool box_focused = false;            // the box had the keyboard focus in the last frame drawn
    // The query syntax at a glance, under the box: opened and closed by the "?" beside it or F1.
    bool syntax_open = false;
    float syntax_rect[4] = {0, 0, 0, 0}; // where the "?" was last drawn (test hook)
    float syntax_height = 0;             // the help's height as last drawn (0: not yet)
    struct SyntaxLine {
        const char* example;
        float rect[4];
    };
    std::vector<SyntaxLine> syntax_lines; // the help's examples as drawn last frame (test hook)
    std::vector<unsigned short> carried; // characters typed before the box took the keyboard
    bool stale = false;                  // the library changed since the results were made
    bool out_of_memory = false;          // the last search did not fit in the tab's memory
    // Best first, or newest or oldest first (the sort menu above the results); kept across queries.
    broadsheet::search::ResultOrder order = broadsheet::search::ResultOrder::Relevance;
    size_t limit = kResultsStep;         // hits asked for: "Show more" adds kResultsStep; a new query starts again
    static constexpr size_t kResultsStep = 200;
};

struct ReaderPanelState {
    broadsheet::ArticleId open = 0; // 0: none
    broadsheet::ArticleId missing = 0; // a link named this article, which the library does not hold
    bool show_removed = false;
    bool scroll_to_top = false;
    // Spans to highlight in the body (search hits, quotes...): sorted, not overlapping, byte
    // ranges into the open article's text. `current` is the one n/p last moved to (-1: none).
    std::vector<broadsheet::ByteRange> highlights;
    int current = -1;
    bool scroll_to_current = false;
    bool search_highlights = false; // the highlights are the search's hits (they follow its query)
    // Matches in the title and standfirst (byte ranges into them), drawn in the header.
    std::vector<broadsheet::ByteRange> title_highlights, standfirst_highlights;
    bool focus_body = false; // give the body the keyboard (an article opened with Enter): keys scroll it
    bool body_focused = false; // the body had the keyboard in the last frame drawn
    float scroll_y = 0, scroll_max_y = 0; // the body's scroll, CSS px (for the test hook)
    uint32_t top_line = UINT32_MAX;       // the byte offset of the body's line at the top of the view
    TextLayout layout;
    float link_rect[4] = {0, 0, 0, 0}; // where the article's link was last drawn (x, y, w, h); w 0: none
    float copy_rect[4] = {0, 0, 0, 0}; // where the "Copy article" button was last drawn
    // Text selected in the body with the mouse: byte offsets into the text, where the press began
    // (anchor) and where the mouse is (caret); nothing selected when they are equal.
    uint32_t sel_anchor = 0, sel_caret = 0;
    bool selecting = false; // the button is down since a press on the body
    // The selection as [begin, end) within a text of `size` bytes (empty: begin == end).
    // No highlight and no selection (another article, or none, is to be shown).
    void clear_marks() {
        highlights.clear();
        title_highlights.clear();
        standfirst_highlights.clear();
        search_highlights = false;
        current = -1;
        sel_anchor = sel_caret = 0;
        selecting = false;
    }
    std::pair<uint32_t, uint32_t> selection(size_t size) const {
        uint32_t end = std::min<uint32_t>(std::max(sel_anchor, sel_caret), uint32_t(size));
        return {std::min(std::min(sel_anchor, sel_caret), end), end};
    }
};

// "Paste text as an article": a dialog with a text box.
struct PasteDialogState {
    bool open_requested = false;
    std::string text;  // what is in the box
    int pasted = 0;    // articles made this way, for their names
};

struct StatusPanelState {
    std::vector<FileOutcome> last_import; // per-file results of the latest import batch
    bool batch_open = false;              // files of a batch are still arriving
    int files_done = 0, files_total = 0;  // progress of the batch being imported
    bool cancel_requested = false;        // the user pressed Cancel; the page stops the batch
    bool cancelled = false;               // the latest batch was cancelled
    bool show_details = false;
    bool problems_only = true;            // the details list only the files with errors or warnings
    // The search index's size in memory, counted again (it walks every term) once the library
    // has changed and no import is running.
    size_t index_bytes = 0;
    size_t index_counted_for = size_t(-1); // the article count it was counted at
};

// The library kept in the browser (IndexedDB, through shell/broadsheet.js).
struct StorageState {
    bool available = true;   // false: the browser refused storage (private mode, file://...)
    bool restoring = true;   // the saved library is being read back
    int restored = 0;        // articles read back at start-up
    int unreadable = 0;      // saved records that could not be read (damaged or foreign)
    std::string error;       // the last failed save, for the user; empty when all is saved
    bool confirm_clear = false; // the "remove all articles?" question is open
};

// Articles the page was published with (build-wasm.sh --corpus; by default a public-domain sample
// set): fetched with the page itself, kept here until opened, so opening them makes no request.
struct BundleState {
    std::string title;    // "World Factbook country profiles (public domain)"
    std::string articles; // one article per line, the storage format (article_json.hpp)
    std::string index;    // their saved index (index.hpp), DocId i <-> line i
    size_t count = 0;     // how many articles it holds
    bool autoload = false; // open it by itself when the library is empty at start-up
    bool opened = false;   // opened since the page loaded
    std::string error;     // why it could not be opened
};

// The right-hand pane shows the reader, the analysis of the open article, or of the whole corpus.
// In a narrow window (a phone) one pane shows all four, the library among them.
enum class RightTab { Reader, Analysis, Corpus, Library };

struct Point {
    float x = 0, y = 0;
};

// The whole library's words, phrases, timeline, names and near-copies (corpus_panel.cpp): fed
// article by article in steps across frames, results remade when the library has changed.
struct CorpusPanelState {
    broadsheet::TermCounts terms;
    broadsheet::DuplicateFinder duplicates;
    broadsheet::EntityGraph graph;
    broadsheet::Citations citations;            // who said what, which figures recur
    std::vector<broadsheet::ArticleId> pending; // added, not analysed yet (in order)
    // How far the first of `pending` has come: 0 nothing done, 1 its words counted, 2 and its
    // near-copy signature taken (a big article's three steps go in separate frames).
    int front_stage = 0;
    std::string error;                          // why the analysis stopped (out of memory), if it did
    const char* shown = "nothing";              // what the tab showed when last drawn (the test hook's corpus.shown)
    bool results_stale = true;
    std::vector<broadsheet::TermStat> top_terms;
    std::vector<broadsheet::NGram> phrases; // two- and three-word
    std::vector<broadsheet::DuplicateCluster> clusters;
    broadsheet::Timeline timeline;
    broadsheet::EntityNetwork network;
    std::vector<Point> layout; // of network.nodes, in the unit square
    char focus[128] = "";      // the word looked at closely
    std::string focus_ran;     // what `collocates` and `focus_timeline` are for
    std::vector<broadsheet::Collocate> collocates;
    broadsheet::Timeline focus_timeline;
    int view = 0;              // words, timeline, names, near-copies, concordance, quotes, figures
    bool view_requested = false;
    // Everyone quoted (the Quotes view) and the figures in more than one article (Figures), with
    // the rows their filter leaves (indices into them) and the row picked (-1: none).
    std::vector<broadsheet::Speaker> speakers;
    std::vector<broadsheet::RecurringFigure> figures;
    char speaker_filter[128] = "";
    std::string speaker_filter_ran = "\x01"; // what `speaker_rows` were made for
    std::vector<size_t> speaker_rows;
    int speaker_selected = -1; // index into `speakers`
    int speaker_sort = -1;     // the column the speakers are sorted by (-1: as Citations gives them)
    bool speaker_sort_ascending = true, speaker_rows_sorted = false;
    std::string speaker_wanted; // a name to pick once the rows are made (show_speaker())
    char figure_filter[128] = "";
    std::string figure_filter_ran = "\x01";
    std::vector<size_t> figure_rows;
    int figure_selected = -1; // index into `figures`
    int figure_sort = -1;
    bool figure_sort_ascending = true, figure_rows_sorted = false;
    // The kinds of figure listed (by NumberKind: quantity, percent, money, year, date): years
    // are in nearly every article's text, so they are left out until asked for.
    bool figure_kinds[5] = {true, true, true, false, true};
    size_t differing = 0;      // paragraphs highlighted as differing in the open near-copy
    // The concordance (keyword in context): every match of a query across the library, one line
    // each, sortable by the words around it (corpus_panel.cpp).
    struct KwicLine {
        broadsheet::ArticleId article = 0;
        broadsheet::search::Field field = broadsheet::search::Field::Body;
        broadsheet::ByteRange match;         // in the field's text
        std::string title;                   // the article's (its file's if it has none)
        std::string left, keyword, right;    // as shown: line breaks made spaces, paragraph breaks " ¶ "
        std::string left_word, right_word;   // the three words either side of the match, nearest first, folded: the sort keys
        size_t order = 0;                    // in library order, then text order
        float at = 0;                        // where the match begins in the article, 0 to 1 (its fields in order)
    };
    // The dispersion plot: one row per article with lines, the matches marked where they fall.
    struct KwicPlotRow {
        broadsheet::ArticleId article = 0;
        std::string title;
        size_t words = 0;                    // its title's, standfirst's and body's words (matches per 1,000)
        std::vector<size_t> lines;           // its lines' `order`, in text order
    };
    char kwic_query[sizeof SearchPanelState::query] = ""; // as long as the search's: its query fits whole
    bool kwic_prefilled = false;            // the box was given the search's query (once)
    bool kwic_typing = false;               // the query is read as the search box reads it (last word a prefix)
    std::string kwic_ran;                   // the query `kwic` is for
    std::string kwic_error;                 // why there are no lines (out of memory), if so
    std::vector<broadsheet::search::QueryMessage> kwic_messages; // what the query parser said about it
    bool kwic_stale = false;                // the library changed since
    std::vector<KwicLine> kwic;
    bool kwic_capped = false;               // more matches than lines kept
    size_t kwic_articles = 0;               // articles the lines are from
    std::vector<std::vector<std::string>> kwic_export; // the lines as the export buttons save them
    bool kwic_width_dirty = false;          // fit the match column to new lines
    std::vector<std::pair<std::string, size_t>> kwic_forms; // the matches' forms (folded), most lines first
    int kwic_sort = 0;                      // 0: library order, 1: by the word before, 2: after
    bool kwic_sort_ascending = true;
    std::vector<size_t> kwic_by_order;      // where the line of each `order` is in `kwic`
    bool kwic_plotting = false;             // the view shows the plot, not the lines
    std::vector<KwicPlotRow> kwic_plot;     // in the plot's order
    int kwic_plot_sort = 1;                 // 0: library order, 1: matches, 2: matches per 1,000 words
    bool kwic_plot_ascending = false;
    std::vector<std::vector<std::string>> kwic_plot_export;
};

struct AnalysisPanelState {
    broadsheet::ArticleId article = 0; // what `result` is for (0: nothing yet)
    broadsheet::Analysis result;
};

struct Fonts {
    ImFont* body = nullptr;
    ImFont* body_bold = nullptr; // headings inside the article
    ImFont* headline = nullptr;
    ImFont* ui_bold = nullptr;
};

struct App {
    broadsheet::Corpus corpus;
    size_t max_articles = broadsheet::kMaxArticles;     // the library's limit (tests lower it)
    broadsheet::search::Index index;                    // every article, for search
    std::vector<broadsheet::ArticleId> doc_article;     // index DocId -> ArticleId (0: removed)
    // The search's fingerprint of an article's body (text_print()), made when first asked for.
    std::unordered_map<broadsheet::ArticleId, uint64_t> text_prints;
    uint64_t text_print(broadsheet::ArticleId id);
    std::unordered_map<broadsheet::ArticleId, broadsheet::search::DocId> article_doc;
    // How many articles of the library have each content key (content_key()): an import skips
    // an article the library already holds word for word from a file of the same name (a file
    // or workspace opened twice).
    std::unordered_map<uint64_t, uint32_t> content_keys;
    static uint64_t content_key(const broadsheet::Article& a);
    void count_content(const broadsheet::Article& a, int delta);
    LibraryPanelState library;
    SearchPanelState search;
    AnalysisPanelState analysis;
    CorpusPanelState corpus_view;
    RightTab right_tab = RightTab::Reader;
    RightTab right_tab_request = RightTab::Reader;
    bool right_tab_requested = false; // switch to right_tab_request next frame
    bool narrow = false;              // one pane with tabs instead of library | reader (main.cpp)
    ReaderPanelState reader;
    StatusPanelState status;
    StorageState storage;
    PasteDialogState paste;
    BundleState bundle;
    Fonts fonts;
    bool drag_active = false; // files are being dragged over the page
    const char* dialog = nullptr; // the modal dialog drawn in the last frame ("paste", "clear"), or none

    // Imports one file's bytes; the outcome joins the current batch. Running out of memory (the
    // tab's wasm heap is bounded) fails that file with a message and leaves the library as it
    // was before the article that did not fit.
    void import_file(const std::string& name, std::string_view bytes);
    // Adds one imported article to the index, the corpus, the browser's store and the analysis
    // queue, all or nothing: on std::bad_alloc what was done is taken back, then it rethrows.
    broadsheet::ArticleId add_imported(broadsheet::Article&& a);
    // Makes the index and its maps again from the corpus (after a failed add); false if that ran
    // out of memory too (search then misses articles until a reload, which restores them all).
    bool rebuild_index();
    // Records a file the page could not hand over (unreadable, too big for memory).
    void import_failed(const std::string& name, const std::string& why);
    // Ends the current batch (the next import starts a new one).
    void end_import_batch();
    // Opens an article in the reader and selects it in the library; false if there is none.
    bool open_article(broadsheet::ArticleId id);
    // Brings the reader forward after an article is chosen from a list by hand: in the narrow
    // layout, and in place of the corpus pane (the analysis pane stays: it shows that article).
    void reveal_reader();
    void remove_article(broadsheet::ArticleId id);
    // The query and its first ten results with their snippets as text, for the page's
    // screen-reader mirror.
    std::string results_json() const;
    // The snippet of search result `row` (made on first use; empty if that ran out of memory).
    const broadsheet::search::Snippet& result_snippet(size_t row) const;
    // Removes the marked rows (or, with none marked, the selected one).
    void remove_marked();
    // Removes these articles together (one pass over the library, whatever their number).
    void remove_articles(std::vector<broadsheet::ArticleId> ids);
    // The analysis of the open article (made on first use, then kept), or nullptr.
    const broadsheet::Analysis* analysis_of_open();
    // Runs the query box's query (as you type: the last word is a prefix) and fills the results.
    void run_search();
    // The options run_search() searches with (the facets and the export ask the same query more).
    broadsheet::search::SearchOptions search_options() const;
    // Opens result `row` of the search, with every match highlighted.
    void open_result(size_t row);
    // Highlights spans of the open article (sorted and merged here) and moves to the first; its
    // title and standfirst keep none.
    void set_highlights(std::vector<broadsheet::ByteRange> spans);
    // Marks the search's matches in `a`, the open article (its text, title and standfirst), and
    // has them follow the query from then on (run_search).
    void mark_search_hits(const broadsheet::Article& a);
    // Moves to the next (+1) or previous (-1) highlight, wrapping around.
    void step_highlight(int direction);
    // Removes every article, here and in the browser's storage.
    void clear_all();
    // Puts back one saved article (start-up); false if the record is unreadable.
    bool restore_article(broadsheet::ArticleId id, std::string_view json);
    // Downloads the workspace as one JSON file: every article (storage format), the marked rows,
    // the query and the corpus figures; the JSON importer reads it back (article_json.hpp).
    void export_workspace();
    // Adds the articles the page was published with (BundleState), using their prebuilt index when
    // the library is empty; false if there are none or they could not be read.
    bool open_bundle();
    // Corpus analysis bookkeeping: an article was added / is about to be removed / all were.
    void corpus_added(broadsheet::ArticleId id);
    void corpus_removing(broadsheet::ArticleId id);
    void corpus_cleared();
    // Analyses pending articles for about `budget_seconds`; true if it did any (draw again).
    bool step_corpus_analysis(double budget_seconds);
    // The state the JS test hook returns: articles, the open article, last import's outcomes.
    std::string state_json() const;
    // Parts of it that the page reads on every change (for its screen-reader mirrors), which cost
    // the same with 10 or 100,000 articles: the open article, and {articles: count, errors, open:
    // its title or null}.
    std::string open_json() const;
    std::string summary_json() const;
};

App& app();

// Dialogs (dialogs.cpp).
void draw_paste_dialog(App& app);

// Panels: each draws itself into the current ImGui window region.
void draw_library_panel(App& app);
void draw_search_panel(App& app); // the query box
// Puts `query` in the search box, as if typed there (run it with App::run_search).
void set_search_query(App& app, std::string_view query);
bool text_is_blank(std::string_view s); // nothing but spaces, tabs and line breaks
// The results' order menu and "Show more" button, also for the test hook (sortResults, showMoreResults).
void set_result_order(App& app, broadsheet::search::ResultOrder order);
void show_more_results(App& app);
// The facets of the results (SearchResult::facets), counted the first time they are asked for
// after a search; null if there is no query or it did not fit in memory.
const broadsheet::search::Facets* result_facets(App& app);
// Narrows the search to the matches from one source ("" those without one), or of one year
// ("1987") or month ("1987-03"; "" the undated): the query gains source:="..." or date:..., as
// choosing it in the menus does.
void narrow_search(App& app, bool by_source, std::string_view value);
// Downloads every match of the search, in the order shown, as CSV or JSON named after the query
// ("search-oil-prices.csv"): rank, title, date, published, source, byline, url, file, id, score and the
// passage the list shows.
void export_results(App& app, bool csv);
// Folds the results' identical copies under the first of each (Row::copy_of) and lays out the
// rows as drawn (SearchPanelState::shown).
void fold_copies(App& app);
void lay_out_results(SearchPanelState& st);
// Shows or hides the copies folded under a result row (as its "+N more with this text" line does).
void toggle_copies(App& app, size_t row);
void draw_left_pane(App& app);
// The search box is to take the keyboard ("/" or Ctrl+K) while it is not drawn yet (the narrow
// layout's library tab comes forward a frame or two later); the letters typed meanwhile are held
// for it by calling hold_typed_for_search_box each frame before the box is drawn.
void request_search_box(App& app, bool slash);
// "/" or Ctrl+K, the keys for the search box, pressed this frame; `slash` tells which.
bool search_key_pressed(bool& slash);
void hold_typed_for_search_box(App& app);     // the query box, then its results, or the library
void draw_reader_panel(App& app);
// Text wrapped to `width` at the cursor, with the byte ranges `marks` tinted and their words
// drawn in `marked_colour` (search_panel.cpp: snippets; the reader's title and standfirst).
void draw_marked_text(std::string_view text, const std::vector<broadsheet::ByteRange>& marks, float width, unsigned int marked_colour);
// Table rows (library_panel.cpp). A cell's text, cut with "…" where its column is too narrow:
void cell_text(std::string_view text);
// A row's selectable (ImGuiSelectableFlags `flags`) with `text` drawn over it rather than as its
// label: cut with "…" (whole in a tooltip when the pointer rests on it), and a "##" in it is text,
// not an ImGui id. True when clicked.
bool cut_selectable(std::string_view text, bool selected, int flags = 0);
void draw_analysis_panel(App& app);
void draw_corpus_panel(App& app);
// Shows the concordance (keyword in context) of `query` in the Corpus tab; `as_typed`: read it
// as the search box does (its last word a prefix), so the lines are the search's matches.
void show_concordance(App& app, const std::string& query, bool as_typed);
// Shows the Corpus tab's Quotes view with the quotes of the speaker named `name` (as the
// Analysis panel gives it) picked, the view's filter set to the name.
void show_speaker(App& app, const std::string& name);
void draw_status_bar(App& app);
// The height the open import details take under the status bar (0 when closed).
float import_details_height(const App& app);

// Asks the main loop to draw a few frames (it draws nothing while nothing changes).
void request_redraw();

// Platform (platform_web.cpp): what only the browser can do.
void platform_open_file_picker();
void platform_open_folder_picker();
// The open article changed: the page puts it in the URL (for links and back/forward).
void platform_show_article(broadsheet::ArticleId id);
// New search results: the page's screen-reader mirror reads them (bs_results_json) a moment later.
void platform_show_results();
void platform_copy_to_clipboard(const std::string& text);
// Opens an http(s) address in a new tab, after the user clicked it; other schemes do nothing.
void platform_open_link(const std::string& url);
// Whether `url` is an http(s) address with nothing odd in it (what platform_open_link opens).
bool is_openable_link(std::string_view url);
// Saves `text` as a file on the user's machine (a download made in the page, no request).
void platform_download(const std::string& name, const std::string& mime, const std::string& text);
bool platform_prefers_dark();
// The browser's storage of the library: saves are batched and written atomically by the page.
void platform_store_put(broadsheet::ArticleId id, const std::string& json);
void platform_store_delete(broadsheet::ArticleId id);
void platform_store_clear();
// Deletes the saved records that could not be read back.
void platform_drop_unreadable();
float platform_device_pixel_ratio();
// The page's size in CSS pixels.
void platform_window_size(int& width, int& height);
