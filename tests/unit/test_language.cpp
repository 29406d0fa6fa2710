// Language identification on sentences written for these tests.
#include "broadsheet/import.hpp"

#include <doctest/doctest.h>

#include <string>

using broadsheet::detect_language;

TEST_CASE("the language of a paragraph is told by its script and its commonest words") {
    struct Row {
        const char* code;
        const char* text;
    };
    const Row rows[] = {
        {"en", "The council said that the new bridge would be open by the end of the year, and "
               "that it was "
               "working with the builders on the last of the repairs to the road."},
        {"de", "Der Stadtrat hat am Dienstag beschlossen, dass die neue Brücke bis zum Ende des "
               "Jahres fertig sein "
               "soll, und die Arbeiten an der Straße werden im Frühjahr beginnen."},
        {"fr", "Le conseil municipal a décidé mardi que le nouveau pont sera ouvert avant la fin "
               "de l'année, et que "
               "les travaux sur la route commenceront au printemps pour les habitants."},
        {"es", "El ayuntamiento decidió el martes que el nuevo puente estará abierto antes de que "
               "termine el año, "
               "y que las obras en la carretera empezarán en la primavera con los vecinos."},
        {"it", "Il consiglio comunale ha deciso martedì che il nuovo ponte sarà aperto entro la "
               "fine dell'anno, e "
               "che i lavori sulla strada inizieranno in primavera con gli abitanti della zona."},
        {"pl", "Rada miasta zdecydowała we wtorek, że nowy most będzie otwarty do końca roku, a "
               "prace na drodze "
               "zaczną się wiosną, jak to jest w planie dla mieszkańców, co było już wcześniej "
               "zapowiadane."},
        {"ru", "Городской совет решил во вторник, что новый мост будет открыт до конца года, и что "
               "работы на "
               "дороге начнутся весной, как это было в плане, но он не сказал, когда их закончат."},
        {"zh",
         "市议会星期二决定，新桥将在年底前开放，道路工程将于明年春天开始，居民对此表示欢迎。"},
        {"ja", "市議会は火曜日に、新しい橋を年末までに開通させることを決めました。道路の工事は春に"
               "始まります。"},
        {"ko", "시의회는 화요일에 새 다리를 연말까지 개통하기로 결정했습니다. 도로 공사는 봄에 "
               "시작됩니다."},
        {"el", "Το δημοτικό συμβούλιο αποφάσισε την Τρίτη ότι η νέα γέφυρα θα ανοίξει μέχρι το "
               "τέλος του χρόνου."},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.code));
        CHECK(detect_language(row.text) == row.code);
    }
}

TEST_CASE("too little text, or none, gives no language rather than a guess") {
    for (const char* text :
         {"", "OK", "12 345 678", "Hello there", "\xF0\x9F\x98\x80\xF0\x9F\x98\x80"}) {
        CAPTURE(std::string(text));
        CHECK(detect_language(text).empty());
    }
}
