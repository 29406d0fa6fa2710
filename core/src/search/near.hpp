// Words near each other: the sweep that a NEAR group's matches (search.cpp) and its highlights
// (snippet.cpp) share, over the places of its parts' occurrences in one field.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

namespace broadsheet::search {

struct NearOccurrence {
    uint32_t start = 0, end = 0; // the places it takes, inclusive (a phrase's stopwords included)
    uint32_t part = 0;           // of the group
    uint32_t tag = 0;            // the caller's
};

// The sets of one occurrence of each part (n of a part given n times), none shared between sets,
// with at most `within` places between their first and last that none of them takes. The
// occurrences are swept in order of place, keeping each part's latest: when every part has one,
// they are the closest set ending there (SQLite FTS5's NEAR; Sadakane & Imai, "Fast algorithms
// for k-word proximity search", 2001). An occurrence inside its part's latest (a word after a
// phrase holding it, both standing for the part) is passed over: that one takes every place it
// does and more. Parts that only overlap may share a place.
class NearSweep {
public:
    // `times[k]`: the occurrences part k needs. Sorts `occurrences`; calls found(set) with each
    // set (pointers into `occurrences`, ascending by start) and returns how many there are.
    template <class Found>
    uint32_t run(std::vector<NearOccurrence>& occurrences, std::span<const uint32_t> times, uint64_t within, Found&& found) {
        std::sort(occurrences.begin(), occurrences.end(), [](const NearOccurrence& a, const NearOccurrence& b) {
            return a.start != b.start ? a.start < b.start : a.end != b.end ? a.end < b.end : a.part < b.part;
        });
        latest_.resize(times.size());
        for (auto& l : latest_) l.clear();
        size_t have = 0; // parts with all they need
        uint32_t sets = 0;
        for (const NearOccurrence& o : occurrences) {
            auto& l = latest_[o.part];
            if (times[o.part] == 1 && !l.empty() && l.back()->start < o.start && o.end <= l.back()->end) continue;
            if (l.size() < times[o.part]) {
                l.push_back(&o);
                if (l.size() == times[o.part]) ++have;
            } else { // the part's oldest goes
                l.erase(l.begin());
                l.push_back(&o);
            }
            if (have < times.size()) continue;
            chosen_.clear();
            for (const auto& ring : latest_) chosen_.insert(chosen_.end(), ring.begin(), ring.end());
            std::sort(chosen_.begin(), chosen_.end(), [](const NearOccurrence* a, const NearOccurrence* b) { return a->start < b->start; });
            uint64_t gaps = 0, reach = chosen_[0]->end;
            for (size_t i = 1; i < chosen_.size(); ++i) {
                if (chosen_[i]->start > reach + 1) gaps += chosen_[i]->start - reach - 1;
                reach = std::max<uint64_t>(reach, chosen_[i]->end);
            }
            if (gaps > within) continue;
            ++sets;
            found(std::span<const NearOccurrence* const>(chosen_));
            for (auto& ring : latest_) ring.clear();
            have = 0;
        }
        return sets;
    }

private:
    std::vector<std::vector<const NearOccurrence*>> latest_; // each part's latest, oldest first
    std::vector<const NearOccurrence*> chosen_;
};

} // namespace broadsheet::search
