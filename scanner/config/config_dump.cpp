#include "config/config_dump.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "rules/rule.h"

namespace bulwark {
namespace {

Value texts(const std::vector<Setting>& settings) {
    Value::List items;
    for (const Setting& setting : settings)
        items.push_back(Value::string(setting.value));
    return Value::list(std::move(items));
}

Value empty_map() {
    return Value::map({});
}

Value terraform_inputs(const TerraformDirectory& inputs) {
    Value out = empty_map();
    Value vars = empty_map();
    for (const auto& [name, value] : inputs.vars)
        vars.set(name, value);
    out.set("vars", std::move(vars));
    out.set("var-files", texts(inputs.var_files));
    return out;
}

Value cloudformation_inputs(const CloudFormationDirectory& inputs) {
    Value out = empty_map();
    Value parameters = empty_map();
    for (const auto& [name, value] : inputs.parameters)
        parameters.set(name, Value::string(value.value));
    out.set("parameters", std::move(parameters));
    out.set("parameter-files", texts(inputs.parameter_files));
    return out;
}

Value rules_section(const Config& config, const RuleCatalog& catalog) {
    Value rules = empty_map();
    if (config.packs.empty()) {
        Value::List all;
        for (std::string_view pack : kPackKeys)
            all.push_back(Value::string(std::string(pack)));
        rules.set("packs", Value::list(std::move(all)));
    } else {
        rules.set("packs", texts(config.packs));
    }
    rules.set("frameworks", texts(config.frameworks));
    rules.set("only", texts(config.only));
    rules.set("skip", texts(config.skip));
    rules.set("directories", texts(config.rule_dirs));
    Value severity = empty_map();
    for (const SeverityOverride& override : config.severities)
        severity.set(override.rule, Value::string(std::string(to_string(override.severity))));
    rules.set("severity", std::move(severity));
    Value parameters = empty_map();
    for (const Rule& rule : catalog.rules()) {
        if (rule.parameters.empty()) continue;
        Value values = empty_map();
        for (const RuleParameter& parameter : rule.parameters)
            values.set(parameter.name, parameter.value);
        parameters.set(rule.id, std::move(values));
    }
    rules.set("parameters", std::move(parameters));
    return rules;
}

bool plain_scalar(const std::string& text) {
    static constexpr std::string_view kReserved[] = {"true", "false", "null", "yes", "no",
                                                     "on",   "off",   "y",    "n",   "~"};
    if (text.empty()) return false;
    for (std::string_view word : kReserved) {
        if (text.size() == word.size() &&
            std::equal(text.begin(), text.end(), word.begin(),
                       [](char a, char b) { return std::tolower(a) == b; }))
            return false;
    }
    const char first = text.front();
    if (!std::isalpha(static_cast<unsigned char>(first)) && first != '_' && first != '/')
        return false;
    for (char c : text) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '.' && c != '/' &&
            c != '-' && c != ':' && c != '*')
            return false;
    }
    return !text.ends_with(':');
}

std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (unsigned char c : text) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                if (c < 0x20) {
                    char escaped[8];
                    std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
                    out += escaped;
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    return out + "\"";
}

std::string scalar(const Value& value, bool yaml) {
    switch (value.kind()) {
        case ValueKind::Null:
            return "null";
        case ValueKind::Bool:
            return value.as_bool() ? "true" : "false";
        case ValueKind::Number:
            return format_number(value.as_number());
        case ValueKind::String:
            return yaml && plain_scalar(value.as_string()) ? value.as_string()
                                                           : quoted(value.as_string());
        default:
            return "null";
    }
}

bool is_container(const Value& value) {
    return value.is_map() || value.is_list();
}

void write_yaml(const Value& value, int indent, std::string& out);

// A value after "key:" or "-": scalars and empty or flat containers on the same line.
void write_yaml_after(const Value& value, int indent, std::string& out) {
    if (value.is_list()) {
        const auto& items = value.as_list();
        const bool flat = std::none_of(items.begin(), items.end(), is_container);
        if (flat) {
            out += " [";
            for (std::size_t i = 0; i < items.size(); ++i)
                out += (i ? ", " : "") + scalar(items[i], true);
            out += "]\n";
            return;
        }
        out += "\n";
        write_yaml(value, indent, out);
        return;
    }
    if (value.is_map()) {
        if (value.as_map().empty()) {
            out += " {}\n";
            return;
        }
        out += "\n";
        write_yaml(value, indent + 2, out);
        return;
    }
    out += " " + scalar(value, true) + "\n";
}

void write_yaml(const Value& value, int indent, std::string& out) {
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    if (value.is_map()) {
        for (const Value::Entry& entry : value.as_map()) {
            out += pad + scalar(Value::string(entry.key), true) + ":";
            write_yaml_after(entry.value, indent, out);
        }
    } else if (value.is_list()) {
        for (const Value& item : value.as_list()) {
            out += pad + "-";
            write_yaml_after(item, indent + 2, out);
        }
    } else {
        out += pad + scalar(value, true) + "\n";
    }
}

void write_json(const Value& value, int indent, std::string& out) {
    const std::string pad(static_cast<std::size_t>(indent + 2), ' ');
    const std::string close(static_cast<std::size_t>(indent), ' ');
    if (value.is_map()) {
        if (value.as_map().empty()) {
            out += "{}";
            return;
        }
        out += "{\n";
        bool first = true;
        for (const Value::Entry& entry : value.as_map()) {
            out += (first ? "" : ",\n") + pad + quoted(entry.key) + ": ";
            write_json(entry.value, indent + 2, out);
            first = false;
        }
        out += "\n" + close + "}";
    } else if (value.is_list()) {
        if (value.as_list().empty()) {
            out += "[]";
            return;
        }
        out += "[\n";
        bool first = true;
        for (const Value& item : value.as_list()) {
            out += (first ? "" : ",\n") + pad;
            write_json(item, indent + 2, out);
            first = false;
        }
        out += "\n" + close + "]";
    } else {
        out += scalar(value, false);
    }
}

}  // namespace

Value effective_config(const Config& config, const RuleCatalog& catalog) {
    Value out = empty_map();
    out.set("version", Value::number(1));
    Value paths = empty_map();
    paths.set("include", texts(config.include));
    paths.set("exclude", texts(config.exclude));
    out.set("paths", std::move(paths));
    out.set("rules", rules_section(config, catalog));
    Value suppressions = empty_map();
    suppressions.set("require", texts(config.required_suppression_fields));
    Value::List ignores;
    for (const IgnoreEntry& entry : config.ignores) {
        Value item = empty_map();
        item.set("rules", texts(entry.rules));
        if (!entry.resources.empty()) item.set("resources", texts(entry.resources));
        if (!entry.paths.empty()) item.set("paths", texts(entry.paths));
        for (const auto& [key, text] :
             {std::pair<const char*, const std::string&>{"reason", entry.reason},
              {"owner", entry.owner},
              {"expires", entry.expires}}) {
            if (!text.empty()) item.set(key, Value::string(text));
        }
        ignores.push_back(std::move(item));
    }
    suppressions.set("ignore", Value::list(std::move(ignores)));
    out.set("suppressions", std::move(suppressions));
    Value gate = empty_map();
    gate.set("fail-on", Value::string(config.fail_on ? config.fail_on->value : "high"));
    gate.set("fail-on-undecided", Value::boolean(config.fail_on_undecided.value_or(false)));
    gate.set("strict", Value::boolean(config.strict.value_or(false)));
    out.set("gate", std::move(gate));

    Value terraform = terraform_inputs({});
    Value terraform_directories = empty_map();
    for (const TerraformDirectory& inputs : config.terraform) {
        if (inputs.directory.empty() && inputs.at.line == 0)
            terraform = terraform_inputs(inputs);
        else
            terraform_directories.set(inputs.directory.empty() ? "." : inputs.directory,
                                      terraform_inputs(inputs));
    }
    terraform.set("directories", std::move(terraform_directories));
    out.set("terraform", std::move(terraform));

    Value cloudformation = cloudformation_inputs({});
    Value cloudformation_directories = empty_map();
    for (const CloudFormationDirectory& inputs : config.cloudformation) {
        if (inputs.directory.empty() && inputs.at.line == 0)
            cloudformation = cloudformation_inputs(inputs);
        else
            cloudformation_directories.set(inputs.directory.empty() ? "." : inputs.directory,
                                           cloudformation_inputs(inputs));
    }
    cloudformation.set("directories", std::move(cloudformation_directories));
    out.set("cloudformation", std::move(cloudformation));
    return out;
}

std::string to_yaml(const Value& value) {
    std::string out;
    write_yaml(value, 0, out);
    return out;
}

std::string to_json(const Value& value) {
    std::string out;
    write_json(value, 0, out);
    return out + "\n";
}

}  // namespace bulwark
