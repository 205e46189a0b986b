#include "reporters/reporter.h"

namespace bulwark {

std::optional<OutputFormat> parse_output_format(std::string_view name) {
    for (OutputFormat format : kOutputFormats) {
        if (to_string(format) == name) return format;
    }
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
        case OutputFormat::Sarif:
            return "sarif";
        case OutputFormat::Junit:
            return "junit";
        case OutputFormat::Csv:
            return "csv";
        case OutputFormat::Github:
            return "github";
        case OutputFormat::Gitlab:
            return "gitlab";
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
        case OutputFormat::Sarif:
            return render_sarif(context);
        case OutputFormat::Junit:
            return render_junit(context);
        case OutputFormat::Csv:
            return render_csv(context);
        case OutputFormat::Github:
            return render_github(context);
        case OutputFormat::Gitlab:
            return render_gitlab(context);
    }
    return {};
}

}  // namespace bulwark
