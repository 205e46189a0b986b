#include "parsers/cloudformation/language_extensions.h"

#include <cctype>
#include <string_view>

namespace bulwark::cloudformation {
namespace {

constexpr std::string_view kForEachPrefix = "Fn::ForEach::";
// Nodes that loops may add to one template: far above real templates (CloudFormation caps a
// stack at 500 resources and a processed template at 1 MB), far below exhausting memory.
constexpr std::size_t kMaxAddedNodes = 500'000;

void replace_all(std::string& text, std::string_view from, std::string_view to) {
    for (std::size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
}

std::string alphanumeric(std::string_view item) {
    std::string out;
    for (char c : item) {
        if (std::isalnum(static_cast<unsigned char>(c))) out += c;
    }
    return out;
}

// Replaces the loop identifier by the current item inside a loop's output value.
void substitute(Value& value, std::string_view identifier, const std::string& item) {
    if (value.is_list()) {
        for (Value& element : value.as_list())
            substitute(element, identifier, item);
        return;
    }
    if (!value.is_map()) return;
    Value::Map& entries = value.as_map();
    if (entries.size() == 1 && entries[0].key == "Ref" && entries[0].value.is_string() &&
        entries[0].value.as_string() == identifier) {
        value = Value::string(item, value.range());
        return;
    }
    const std::string placeholder = "${" + std::string(identifier) + "}";
    const std::string key_placeholder = "&{" + std::string(identifier) + "}";
    for (Value::Entry& entry : entries) {
        replace_all(entry.key, placeholder, item);
        replace_all(entry.key, key_placeholder, alphanumeric(item));
        if (entry.key == "Fn::Sub") {
            Value* text = &entry.value;
            if (text->is_list() && !text->as_list().empty()) text = &text->as_list().front();
            if (text->is_string()) {
                std::string replaced = text->as_string();
                replace_all(replaced, placeholder, item);
                *text = Value::string(std::move(replaced), text->range());
            }
        }
        substitute(entry.value, identifier, item);
    }
    // `!Sub S3Bucket${Identifier}` with nothing left to substitute is plain text, so it can name
    // a logical ID where CloudFormation expects one (Fn::GetAtt [!Sub ..., Arn]).
    if (entries.size() == 1 && entries[0].key == "Fn::Sub" && entries[0].value.is_string() &&
        entries[0].value.as_string().find("${") == std::string::npos) {
        value = Value::string(entries[0].value.as_string(), value.range());
    }
}

class ForEachExpander {
  public:
    ForEachExpander(const Value& source, const TemplateOptions& options,
                    std::vector<Diagnostic>& diagnostics)
        : evaluator_(source, options, diagnostics), diagnostics_(diagnostics) {}

    void expand(Value& value) {
        if (value.is_list()) {
            for (Value& element : value.as_list())
                expand(element);
            return;
        }
        if (!value.is_map()) return;
        Value::Map expanded;
        for (Value::Entry& entry : value.as_map()) {
            if (!entry.key.starts_with(kForEachPrefix)) {
                expand(entry.value);
                expanded.push_back(std::move(entry));
                continue;
            }
            for (Value::Entry& produced : expand_loop(entry))
                expanded.push_back(std::move(produced));
        }
        value.as_map() = std::move(expanded);
    }

  private:
    // The entries one loop produces, loops inside them expanded.
    Value::Map expand_loop(const Value::Entry& loop) {
        const Value& arguments = loop.value;
        if (!arguments.is_list() || arguments.as_list().size() != 3 ||
            !arguments.as_list()[0].is_string() || !arguments.as_list()[2].is_map()) {
            report(loop.key_range, DiagnosticSeverity::Error, DiagnosticCode::InvalidTemplate,
                   loop.key + " needs [Identifier, Collection, {OutputKey: OutputValue}]");
            return {};
        }
        const std::string& identifier = arguments.as_list()[0].as_string();
        const std::optional<std::vector<std::string>> items = collection(arguments.as_list()[1]);
        if (!items) {
            report(loop.key_range, DiagnosticSeverity::Note, DiagnosticCode::Unsupported,
                   "the collection of " + loop.key +
                       " is known only at deployment; what the loop creates is not scanned");
            return {};
        }
        const Value& fragment = arguments.as_list()[2];
        Value::Map out;
        for (const std::string& item : *items) {
            added_ += fragment.node_count();
            if (added_ > kMaxAddedNodes) {
                report(loop.key_range, DiagnosticSeverity::Error, DiagnosticCode::ExpansionLimit,
                       loop.key + " expands past " + std::to_string(kMaxAddedNodes) +
                           " values; the rest of the loop is not scanned");
                return out;
            }
            Value copy = fragment;
            substitute(copy, identifier, item);
            expand(copy);
            for (Value::Entry& entry : copy.as_map())
                out.push_back(std::move(entry));
        }
        return out;
    }

    std::optional<std::vector<std::string>> collection(const Value& written) {
        const std::optional<Value> resolved = evaluator_.resolve(written);
        if (!resolved) return std::vector<std::string>{};
        std::vector<std::string> items;
        if (resolved->is_string()) {  // a CommaDelimitedList given as text
            std::string_view text = resolved->as_string();
            while (!text.empty()) {
                const std::size_t comma = text.find(',');
                items.emplace_back(text.substr(0, comma));
                if (comma == std::string_view::npos) break;
                text.remove_prefix(comma + 1);
            }
            return items;
        }
        if (!resolved->is_list()) return std::nullopt;
        for (const Value& item : resolved->as_list()) {
            if (item.is_string()) {
                items.push_back(item.as_string());
            } else if (item.is_number()) {
                items.push_back(format_number(item.as_number()));
            } else {
                return std::nullopt;
            }
        }
        return items;
    }

    void report(const SourceRange& at, DiagnosticSeverity severity, DiagnosticCode code,
                std::string message) {
        diagnostics_.push_back(Diagnostic{at.file, at.begin, severity, code, std::move(message)});
    }

    TemplateEvaluator evaluator_;
    std::vector<Diagnostic>& diagnostics_;
    std::size_t added_ = 0;
};

}  // namespace

void expand_for_each(Value& root, const TemplateOptions& options,
                     std::vector<Diagnostic>& diagnostics) {
    const Value source = root;  // collections are resolved against the template as written
    ForEachExpander(source, options, diagnostics).expand(root);
}

}  // namespace bulwark::cloudformation
