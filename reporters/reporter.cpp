#include "reporters/reporter.h"

namespace bulwark {

std::optional<OutputFormat> parse_output_format(std::string_view name) {
    if (name == "text") return OutputFormat::Text;
    if (name == "json") return OutputFormat::Json;
    if (name == "resources") return OutputFormat::Resources;
    return std::nullopt;
}

std::string_view to_string(OutputFormat format) {
    switch (format) {
        case OutputFormat::Text:
            return "text";
        case OutputFormat::Json:
            return "json";
        case OutputFormat::Resources:
            return "resources";
    }
    return "text";
}

std::string render(OutputFormat format, const ReportContext& context) {
    switch (format) {
        case OutputFormat::Text:
            return render_text(context);
        case OutputFormat::Json:
            return render_json(context);
        case OutputFormat::Resources:
            return render_resources(context);
    }
    return {};
}

}  // namespace bulwark
