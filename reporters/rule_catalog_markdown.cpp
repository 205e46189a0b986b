#include "reporters/reporter.h"

namespace bulwark {
namespace {

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const std::string& item : items) {
        if (!out.empty()) out += separator;
        out += item;
    }
    return out;
}

std::string cell(std::string text) {
    std::string out;
    for (char c : text) {
        if (c == '|')
            out += "\\|";
        else if (c == '\n')
            out += ' ';
        else
            out += c;
    }
    return out;
}

std::string table_row(const Rule& rule) {
    std::string frameworks;
    for (std::string_view key : kFrameworkKeys) {
        auto it = rule.frameworks.find(std::string(key));
        if (it == rule.frameworks.end()) continue;
        if (!frameworks.empty()) frameworks += "<br>";
        frameworks += std::string(key) + ": " + joined(it->second, ", ");
    }
    std::string crossrefs;
    for (std::string_view key : kCrossrefKeys) {
        auto it = rule.crossrefs.find(std::string(key));
        if (it == rule.crossrefs.end() || it->second.empty()) continue;
        if (!crossrefs.empty()) crossrefs += "<br>";
        crossrefs += std::string(key) + ": " + joined(it->second, ", ");
    }
    return "| `" + rule.id + "`<br>" + cell(rule.title) + " | " +
           std::string(to_string(rule.severity)) + " | " +
           cell(joined(rule.resource_types, "<br>")) + " | " + cell(frameworks) + " | " +
           cell(crossrefs) + " |\n";
}

}  // namespace

std::string render_rule_catalog_markdown(const RuleCatalog& catalog) {
    std::string out =
        "# Rule catalog\n\n"
        "Generated from the rule files in `rules/` by `bulwark rules list --format markdown`.\n"
        "Do not edit by hand: run `scripts/update-docs`. A test fails when this file is stale.\n\n"
        "Each rule applies to every format Bulwark reads (CloudFormation, SAM, Terraform, CDK),\n"
        "because the graph speaks CloudFormation. `bulwark rules show <id>` prints a rule in "
        "full.\n\n";
    out += std::to_string(catalog.rules().size()) + " rules";
    std::vector<std::string_view> packs(std::begin(kPackKeys), std::end(kPackKeys));
    packs.push_back("");  // user rules without a pack
    std::string sections;
    std::string counts;
    for (std::string_view pack : packs) {
        std::vector<const Rule*> members;
        for (const Rule& rule : catalog.rules()) {
            if (rule.pack == pack) members.push_back(&rule);
        }
        if (members.empty()) continue;
        const std::string name = pack.empty() ? std::string("other") : std::string(pack);
        counts += (counts.empty() ? "" : ", ") + name + " " + std::to_string(members.size());
        sections += "\n## Pack: " + name + " (" + std::to_string(members.size()) + ")\n\n";
        sections += "| Rule | Severity | Resources | Frameworks | Equivalent checks |\n";
        sections += "| --- | --- | --- | --- | --- |\n";
        for (const Rule* rule : members)
            sections += table_row(*rule);
    }
    out += counts.empty() ? ".\n" : " (" + counts + ").\n";
    out += sections;
    return out;
}

}  // namespace bulwark
