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

// The sets of one occurrence of each part (n of a part given n times), no two of them taking the
// same place ("papa" NEAR "papa tango" is another papa), none shared between sets, with at most
// `within` places between their first and last that none of them takes.
//
// When no two occurrences in the field share a place (the common case), they are swept in order
// of place, keeping each part's latest: when every part has one, they are the closest set ending
// there (SQLite FTS5's NEAR; Sadakane & Imai, "Fast algorithms for k-word proximity search",
// 2001). When some do (a word and a phrase holding it, a part's phrases overlapping), the latest
// may be the wrong choice, and each occurrence is tried as a set's last with a search over the
// earlier ones close enough to belong to it, up to kNodes steps each.
class NearSweep {
public:
    static constexpr size_t kNodes = 4096;

    // `times[k]`: the occurrences part k needs. Sorts `occurrences`; calls found(set) with each
    // set (pointers into `occurrences`, ascending by start) and returns how many there are.
    template <class Found>
    uint32_t run(std::vector<NearOccurrence>& occurrences, std::span<const uint32_t> times, uint64_t within, Found&& found) {
        std::sort(occurrences.begin(), occurrences.end(), [](const NearOccurrence& a, const NearOccurrence& b) {
            return a.start != b.start ? a.start < b.start : a.end != b.end ? a.end < b.end : a.part < b.part;
        });
        uint64_t reach = 0;
        for (size_t i = 0; i < occurrences.size(); ++i) {
            if (i > 0 && occurrences[i].start <= reach) return search(occurrences, times, within, found);
            reach = std::max<uint64_t>(reach, occurrences[i].end);
        }
        return sweep(occurrences, times, within, found);
    }

private:
    // The places between the first and the last of chosen_ that none of them takes.
    uint64_t gaps() {
        std::sort(chosen_.begin(), chosen_.end(), [](const NearOccurrence* a, const NearOccurrence* b) { return a->start < b->start; });
        uint64_t gaps = 0, reach = chosen_[0]->end;
        for (size_t i = 1; i < chosen_.size(); ++i) {
            if (chosen_[i]->start > reach + 1) gaps += chosen_[i]->start - reach - 1;
            reach = std::max<uint64_t>(reach, chosen_[i]->end);
        }
        return gaps;
    }

    template <class Found>
    uint32_t sweep(const std::vector<NearOccurrence>& occurrences, std::span<const uint32_t> times, uint64_t within, Found& found) {
        latest_.resize(times.size());
        for (auto& l : latest_) l.clear();
        size_t have = 0; // parts with all they need
        uint32_t sets = 0;
        for (const NearOccurrence& o : occurrences) {
            auto& l = latest_[o.part];
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
            if (gaps() > within) continue;
            ++sets;
            found(std::span<const NearOccurrence* const>(chosen_));
            for (auto& ring : latest_) ring.clear();
            have = 0;
        }
        return sets;
    }

    template <class Found>
    uint32_t search(const std::vector<NearOccurrence>& occurrences, std::span<const uint32_t> times, uint64_t within, Found& found) {
        // A set spans at most `within` places more than its occurrences take, and they take at
        // most `room` places.
        uint64_t room = 0;
        longest_.assign(times.size(), 0);
        for (const auto& o : occurrences) longest_[o.part] = std::max<uint64_t>(longest_[o.part], o.end - o.start + 1);
        for (size_t k = 0; k < times.size(); ++k) room += times[k] * longest_[k];
        used_.assign(occurrences.size(), 0);
        uint32_t sets = 0;
        for (size_t i = 0; i < occurrences.size(); ++i) {
            if (used_[i]) continue;
            need_.assign(times.begin(), times.end());
            --need_[occurrences[i].part];
            picked_.assign(1, i);
            nodes_ = 0;
            if (!complete(occurrences, i, within, within + room, times.size())) continue;
            chosen_.clear();
            for (size_t j : picked_) used_[j] = 1, chosen_.push_back(&occurrences[j]);
            gaps(); // sorts chosen_
            ++sets;
            found(std::span<const NearOccurrence* const>(chosen_));
        }
        return sets;
    }
    // Adds to picked_ (whose first is `last`, the set's last to start) what the parts still need,
    // from the occurrences before it; whether a set near enough came of it.
    bool complete(const std::vector<NearOccurrence>& occurrences, size_t last, uint64_t within, uint64_t span, size_t parts) {
        if (++nodes_ > kNodes) return false;
        size_t k = 0;
        while (k < parts && need_[k] == 0) ++k;
        if (k == parts) {
            chosen_.clear();
            for (size_t j : picked_) chosen_.push_back(&occurrences[j]);
            return gaps() <= within;
        }
        // Of a part needing several, each after the one picked before (no order twice).
        size_t below = last;
        for (size_t j : picked_)
            if (j != last && occurrences[j].part == k) below = std::min(below, j);
        const NearOccurrence& end = occurrences[last];
        for (size_t j = below; j-- > 0;) {
            const NearOccurrence& o = occurrences[j];
            if (uint64_t(end.end) + 1 > uint64_t(o.start) + span) break; // too far before
            if (o.part != k || used_[j]) continue;
            bool apart = true;
            for (size_t p : picked_)
                if (o.start <= occurrences[p].end && occurrences[p].start <= o.end) apart = false;
            if (!apart) continue;
            picked_.push_back(j);
            --need_[k];
            if (complete(occurrences, last, within, span, parts)) return true;
            ++need_[k];
            picked_.pop_back();
            if (nodes_ > kNodes) return false;
        }
        return false;
    }

    std::vector<std::vector<const NearOccurrence*>> latest_; // each part's latest, oldest first
    std::vector<const NearOccurrence*> chosen_;
    std::vector<uint64_t> longest_;
    std::vector<uint8_t> used_;
    std::vector<uint32_t> need_;
    std::vector<size_t> picked_;
    size_t nodes_ = 0;
};

} // namespace broadsheet::search
