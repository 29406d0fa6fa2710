// The wasm build has no legacy-encoding decoder of its own: emscripten's iconv decodes GB18030
// and broken EUC-KR wrongly and costs about 139 kB gzipped. The web app installs one built on the
// browser's TextDecoder (web/text_decoder_web.cpp); until then only Windows-1252 is decoded.
#include "broadsheet/encoding.hpp"

#include "import_internal.hpp"

namespace broadsheet::detail {

std::optional<std::string> platform_legacy_decode(std::string_view, std::string_view) {
    return std::nullopt;
}

} // namespace broadsheet::detail
