#include "iam/analyzer.h"

#include <algorithm>
#include <cctype>

#include "iam/conditions.h"
#include "iam/wildcard.h"
#include "util/text.h"

namespace bulwark::iam {
namespace {

// The resource part of an ARN (after the fifth colon), or nullopt for text that is no ARN.
std::optional<std::string_view> arn_resource(std::string_view arn) {
    if (!arn.starts_with("arn:")) return std::nullopt;
    std::size_t at = 0;
    for (int colon = 0; colon < 5; ++colon) {
        at = arn.find(':', at);
        if (at == std::string_view::npos) return std::nullopt;
        ++at;
    }
    return arn.substr(at);
}

bool is_all_resources(std::string_view pattern) {
    if (pattern.find_first_not_of('*') == std::string_view::npos && !pattern.empty()) return true;
    auto resource = arn_resource(pattern);
    return resource && *resource == "*";
}

// `*`, or every resource of one type: role/*, function:*, table/*.
bool is_broad_resource(std::string_view pattern) {
    if (is_all_resources(pattern)) return true;
    auto resource = arn_resource(pattern);
    if (!resource) return false;
    const std::size_t separator = resource->find_first_of("/:");
    if (separator == std::string_view::npos) return false;
    const std::string_view type = resource->substr(0, separator);
    const std::string_view rest = resource->substr(separator + 1);
    return !has_wildcard(type) && !rest.empty() &&
           rest.find_first_not_of('*') == std::string_view::npos;
}

enum class TargetKind { Any, All, Service, Action };

TargetKind kind_of(std::string_view target) {
    if (target.empty()) return TargetKind::Any;
    if (target == "*") return TargetKind::All;
    if (target.ends_with(":*")) return TargetKind::Service;
    return TargetKind::Action;
}

// The service part of an action pattern: "s3" of "s3:Get*"; the whole text when it has no colon.
std::string_view service_part(std::string_view pattern) {
    return pattern.substr(0, pattern.find(':'));
}

const Item* covering_item(const ItemList& actions, std::string_view target) {
    const bool any_target = kind_of(target) == TargetKind::Any;
    for (const Item& item : actions.items) {
        if (item.unknown) continue;
        const std::string_view text =
            item.text == "*:*" ? std::string_view("*") : std::string_view(item.text);
        if (any_target || wildcard_covers(text, target, true)) return &item;
    }
    return nullptr;
}

bool any_unknown(const std::vector<Item>& items) {
    return std::any_of(items.begin(), items.end(), [](const Item& i) { return i.unknown; });
}

std::optional<SourceRange> valid(const SourceRange& range) {
    if (range.valid()) return range;
    return std::nullopt;
}

std::string describe_resources(const ItemList& resources) {
    if (!resources.present) return "";
    if (resources.negated) return "every resource except those listed in NotResource";
    for (const Item& item : resources.items) {
        if (!item.unknown && is_all_resources(item.text)) return item.text;
    }
    for (const Item& item : resources.items) {
        if (!item.unknown) return item.text;
    }
    for (const Item& item : resources.items) {
        if (item.partial.empty()) continue;
        std::string text;  // arn:aws:s3:::${…}/* for an ARN built around unknown parts
        for (char c : item.partial)
            text += c == kUnknownPart ? std::string("${…}") : std::string(1, c);
        return text;
    }
    return "a resource known only after deployment";
}

}  // namespace

Tri actions_cover(const ItemList& actions, std::string_view target) {
    if (!actions.present) return Tri::False;
    if (actions.unknown) return Tri::Unknown;
    const TargetKind kind = kind_of(target);
    if (!actions.negated) {
        if (covering_item(actions, target)) return Tri::True;
        return any_unknown(actions.items) ? Tri::Unknown : Tri::False;
    }
    // NotAction: everything except the listed patterns.
    if (kind == TargetKind::Any) return Tri::True;
    if (kind == TargetKind::All) return tri(actions.items.empty());
    // A pattern target (s3:Get*) may overlap an excluded pattern in ways not worth guessing.
    if (kind == TargetKind::Action && has_wildcard(target)) return Tri::False;
    bool unknown = false;
    for (const Item& item : actions.items) {
        if (item.unknown) {
            unknown = true;
            continue;
        }
        if (kind == TargetKind::Service) {
            const std::string_view service = target.substr(0, target.size() - 2);
            if (wildcard_match(service_part(item.text), service, true)) return Tri::False;
        } else if (wildcard_match(item.text, target, true)) {
            return Tri::False;
        }
    }
    return unknown ? Tri::Unknown : Tri::True;
}

Tri resources_in_scope(const ItemList& resources, ResourceScope scope) {
    if (scope == ResourceScope::Any || !resources.present || resources.negated) return Tri::True;
    if (resources.unknown) return Tri::Unknown;
    bool unknown = false;
    auto in_scope = [&](std::string_view pattern) {
        return scope == ResourceScope::All ? is_all_resources(pattern) : is_broad_resource(pattern);
    };
    for (const Item& item : resources.items) {
        if (item.unknown) {
            if (!item.partial.empty()) {
                // Known text around unknown parts: in scope only if it would be with the
                // unknown parts read as wildcards (arn:aws:s3:::${Bucket}/* never is "*").
                std::string widest = item.partial;
                std::replace(widest.begin(), widest.end(), kUnknownPart, '*');
                unknown = unknown || in_scope(widest);
                continue;
            }
            // A reference to a resource is one specific ARN; a variable could be anything.
            unknown = unknown || !item.names_resource;
            continue;
        }
        if (in_scope(item.text)) return Tri::True;
    }
    return unknown ? Tri::Unknown : Tri::False;
}

Tri principal_is_everyone(const Principals& principals) {
    if (!principals.present) return Tri::False;
    if (principals.negated) return Tri::True;  // an Allow to everyone but a few
    bool unknown = principals.unknown;
    for (const PrincipalEntry& entry : principals.entries) {
        if (entry.value.unknown) {
            // Text around the unknown parts (arn:aws:iam::${AccountId}:root) is never "*".
            const std::string& partial = entry.value.partial;
            const bool could_be_star =
                partial.empty() ? !entry.value.names_resource
                                : partial.find_first_not_of(std::string{kUnknownPart, '*'}) ==
                                      std::string::npos;
            unknown = unknown || (iequals(entry.kind, "AWS") && could_be_star);
            continue;
        }
        if ((entry.kind == "*" || iequals(entry.kind, "AWS")) && entry.value.text == "*")
            return Tri::True;
    }
    return unknown ? Tri::Unknown : Tri::False;
}

Grant PolicyAnalyzer::evaluate(const Statement& statement, std::string_view target,
                               const GrantFilter& filter) const {
    Grant grant;
    grant.statement = &statement;
    if (statement.effect == Effect::Deny && !statement.unknown) return grant;
    // Most statements do not grant the action at all: decided before any text is built, as
    // action groups ask this for hundreds of actions per statement.
    Tri value = statement.unknown                   ? Tri::Unknown
                : statement.effect == Effect::Allow ? Tri::True
                                                    : Tri::Unknown;
    if (!statement.unknown) value = tri_and(value, actions_cover(statement.actions, target));
    if (value == Tri::False) return grant;
    grant.where = valid(statement.range);
    grant.action = target.empty() ? "an action" : std::string(target);
    if (statement.unknown) {
        grant.value = Tri::Unknown;
        return grant;
    }
    value = tri_and(value, resources_in_scope(statement.resources, filter.resources));
    if (filter.unconditioned) value = tri_and(value, tri_not(narrows_grant(statement.conditions)));
    if (filter.to_everyone) {
        value = tri_and(value, principal_is_everyone(statement.principals));
        value = tri_and(value, tri_not(restricts_who(statement.conditions)));
    }
    grant.value = value;
    if (const Item* item = covering_item(statement.actions, target);
        item && !statement.actions.negated) {
        grant.where = valid(item->range) ? valid(item->range) : grant.where;
        if (!target.empty() && item->text != target) grant.written = item->text;
        if (target.empty()) grant.action = item->text;
    } else if (statement.actions.negated) {
        grant.where = valid(statement.actions.range) ? valid(statement.actions.range) : grant.where;
        grant.written = "NotAction";
        if (target.empty()) grant.action = "every action except those listed in NotAction";
    }
    grant.resource = describe_resources(statement.resources);
    if (filter.to_everyone) {
        grant.who = statement.principals.negated ? "everyone except the NotPrincipal list"
                                                 : "everyone (Principal *)";
        // The principal is what makes it public: point there.
        if (statement.principals.range.valid()) grant.where = statement.principals.range;
    }
    return grant;
}

Tri PolicyAnalyzer::cancelled_by_deny(std::string_view target, const GrantFilter& filter) const {
    const std::string_view covered = target;
    Tri result = Tri::False;
    for (const Statement& deny : policy_.statements) {
        if (deny.unknown) {
            result = tri_or(result, Tri::Unknown);
            continue;
        }
        if (deny.effect == Effect::Allow) continue;
        // A Deny fenced by a negative test on who (Deny unless the caller's organization is
        // o-xxxx) keeps outsiders out: it cancels a grant to everyone, and nothing else.
        const bool fences_outsiders = filter.to_everyone && denies_outsiders(deny.conditions);
        if ((deny.conditions.present || deny.conditions.unknown) && !fences_outsiders) continue;
        if (deny.resources.negated) continue;
        Tri covers = deny.effect == Effect::Deny ? Tri::True : Tri::Unknown;
        if (deny.principals.present)
            covers = tri_and(covers, principal_is_everyone(deny.principals));
        covers = tri_and(covers, actions_cover(deny.actions, covered));
        covers = tri_and(covers, resources_in_scope(deny.resources, ResourceScope::All));
        result = tri_or(result, covers);
        if (result == Tri::True) return result;
    }
    return result;
}

Grant PolicyAnalyzer::allows(std::string_view target, const GrantFilter& filter) const {
    Grant undecided;
    if (policy_.unknown) {
        undecided.value = Tri::Unknown;
        undecided.where = valid(policy_.range);
        return undecided;
    }
    bool any_unknown = false;
    for (const Statement& statement : policy_.statements) {
        Grant grant = evaluate(statement, target, filter);
        if (grant.value == Tri::False) continue;
        // For "any action", the Deny must cover every action the statement grants.
        Tri cancelled = Tri::False;
        if (!target.empty() || statement.actions.negated || statement.actions.unknown) {
            cancelled = cancelled_by_deny(target.empty() ? "*" : target, filter);
        } else {
            cancelled = Tri::True;
            for (const Item& item : statement.actions.items)
                cancelled = tri_and(
                    cancelled, item.unknown ? Tri::Unknown : cancelled_by_deny(item.text, filter));
        }
        grant.value = tri_and(grant.value, tri_not(cancelled));
        if (grant.value == Tri::True) return grant;
        if (grant.value == Tri::Unknown && !any_unknown) {
            any_unknown = true;
            undecided = grant;
        }
    }
    if (!any_unknown) return Grant{};
    return undecided;
}

Grant PolicyAnalyzer::allows_group(const ActionTable& table, ActionGroup group,
                                   std::string_view service, const GrantFilter& filter) const {
    // Of all the grants, report the one written first, where a reader starts.
    auto earlier = [](const Grant& a, const Grant& b) {
        if (!a.where) return false;
        if (!b.where) return true;
        return std::pair(a.where->begin.line, a.where->begin.column) <
               std::pair(b.where->begin.line, b.where->begin.column);
    };
    // An action no Allow (or undecided) statement names is not granted; most of a group's
    // actions are of that kind, and telling so is much cheaper than building their grants.
    auto may_be_granted = [&](std::string_view action) {
        if (policy_.unknown) return true;
        return std::any_of(policy_.statements.begin(), policy_.statements.end(),
                           [&](const Statement& statement) {
                               return statement.unknown ||
                                      (statement.effect != Effect::Deny &&
                                       actions_cover(statement.actions, action) != Tri::False);
                           });
    };
    Grant found, undecided;
    for (const ActionEntry* entry : table.in_group(group, service)) {
        if (!may_be_granted(entry->name)) continue;
        Grant grant = allows(entry->name, filter);
        if (grant.value == Tri::True && (found.value != Tri::True || earlier(grant, found)))
            found = grant;
        if (grant.value == Tri::Unknown && undecided.value != Tri::Unknown) undecided = grant;
    }
    return found.value == Tri::True ? found : undecided;
}

Grant PolicyAnalyzer::allow_with_negation(bool not_action, bool not_resource) const {
    Grant undecided;
    if (policy_.unknown) {
        undecided.value = Tri::Unknown;
        return undecided;
    }
    for (const Statement& statement : policy_.statements) {
        if (statement.unknown || statement.effect == Effect::Deny) {
            if (statement.unknown && undecided.value == Tri::False) {
                undecided = {Tri::Unknown, &statement, {}, {}, {}, {}, valid(statement.range)};
            }
            continue;
        }
        const ItemList* negated = nullptr;
        std::string what;
        if (not_action && statement.actions.negated) {
            negated = &statement.actions;
            what = "NotAction";
        } else if (not_resource && statement.resources.negated) {
            negated = &statement.resources;
            what = "NotResource";
        }
        if (negated == nullptr) continue;
        Grant grant{statement.effect == Effect::Allow ? Tri::True : Tri::Unknown,
                    &statement,
                    what,
                    {},
                    {},
                    {},
                    valid(negated->range) ? valid(negated->range) : valid(statement.range)};
        grant.resource = describe_resources(statement.resources);
        if (grant.value == Tri::True) return grant;
        if (undecided.value == Tri::False) undecided = grant;
    }
    return undecided;
}

Grant PolicyAnalyzer::public_grant(const std::vector<std::string>& actions) const {
    GrantFilter filter;
    filter.to_everyone = true;
    if (actions.empty()) return allows("", filter);
    Grant undecided;
    for (const std::string& action : actions) {
        Grant grant = allows(action, filter);
        if (grant.value == Tri::True) return grant;
        if (grant.value == Tri::Unknown && undecided.value != Tri::Unknown) undecided = grant;
    }
    return undecided;
}

Grant PolicyAnalyzer::service_grant_without_source() const {
    Grant undecided;
    if (policy_.unknown) {
        undecided.value = Tri::Unknown;
        return undecided;
    }
    for (const Statement& statement : policy_.statements) {
        if (statement.unknown || statement.effect != Effect::Allow) continue;
        const Tri guarded = restricts_with_keys(
            statement.conditions, {"aws:SourceArn", "aws:SourceAccount", "aws:SourceOwner",
                                   "aws:SourceOrgID", "aws:SourceOrgPaths"});
        for (const PrincipalEntry& entry : statement.principals.entries) {
            if (!iequals(entry.kind, "Service") || entry.value.unknown) continue;
            Grant grant{
                tri_not(guarded),
                &statement,
                "",
                "",
                entry.value.text,
                "",
                valid(entry.value.range) ? valid(entry.value.range) : valid(statement.range)};
            grant.action = statement.actions.negated || statement.actions.items.empty() ||
                                   statement.actions.items.front().unknown
                               ? "its actions"
                               : statement.actions.items.front().text;
            grant.value = tri_and(grant.value, tri_not(cancelled_by_deny("*", {})));
            if (grant.value == Tri::True) return grant;
            if (grant.value == Tri::Unknown && undecided.value == Tri::False) undecided = grant;
        }
    }
    return undecided;
}

}  // namespace bulwark::iam
