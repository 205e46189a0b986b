#include "parsers/terraform/hcl/syntax.h"

namespace bulwark::hcl {

void regroup_conditional(Expr& e) {
    auto chained = [](const Expr& x) {
        return x.kind == ExprKind::Conditional && x.children.size() == 3 &&
               x.children[0].kind == ExprKind::Conditional && !x.children[0].parenthesized &&
               x.children[0].children.size() == 3;
    };
    while (chained(e)) {
        // (a ? b : c) ? d : e  ->  a ? b : (c ? d : e)
        Expr inner = std::move(e.children[0]);
        Expr tail;
        tail.kind = ExprKind::Conditional;
        tail.range = inner.children[2].range;
        tail.range.end = e.children[2].range.end;
        tail.children.push_back(std::move(inner.children[2]));
        tail.children.push_back(std::move(e.children[1]));
        tail.children.push_back(std::move(e.children[2]));
        regroup_conditional(tail);  // c was itself the head of a longer chain
        e.children.clear();
        e.children.push_back(std::move(inner.children[0]));
        e.children.push_back(std::move(inner.children[1]));
        e.children.push_back(std::move(tail));
    }
}

}  // namespace bulwark::hcl
