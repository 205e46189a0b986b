#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "parsers/terraform/functions/functions.h"
#include "support/helpers.h"

using namespace bulwark;
using bulwark::terraform::FunctionContext;

namespace {

// Where the calls under test are written: file 3, line 40.
const SourceRange kCall{3, {40, 5}, {40, 30}};

SourceRange at(std::uint32_t line) {
    return SourceRange{3, {line, 3}, {line, 9}};
}

Value S(std::string s, SourceRange range = {}) {
    return Value::string(std::move(s), range);
}
Value N(double n) {
    return Value::number(n);
}
Value B(bool b) {
    return Value::boolean(b);
}
Value L(Value::List items) {
    return Value::list(std::move(items));
}
Value M(std::vector<std::pair<std::string, Value>> entries) {
    Value::Map map;
    for (auto& [key, value] : entries)
        map.push_back(Value::Entry{key, {}, std::move(value)});
    return Value::map(std::move(map));
}
Value Strings(std::vector<std::string> items) {
    Value::List list;
    for (auto& item : items)
        list.push_back(S(std::move(item)));
    return L(std::move(list));
}
Value unknown_ref(std::string target, std::string attribute) {
    return Value::unknown(target + "." + attribute + " is known only after apply",
                          {Reference{std::move(target), std::move(attribute)}}, at(7));
}

// Calls one function the way the evaluator does, collecting diagnostics.
struct Harness {
    std::vector<Diagnostic> diagnostics;
    FunctionContext context;

    Harness() {
        context.call = kCall;
        context.diagnostics = &diagnostics;
    }

    Value call(std::string_view name, std::vector<Value> args) {
        terraform::Function function = terraform::find_function(name);
        REQUIRE_MESSAGE(static_cast<bool>(function), name);
        return function(args, context);
    }

    std::string str(std::string_view name, std::vector<Value> args) {
        Value result = call(name, std::move(args));
        if (!result.is_string()) {
            FAIL_CHECK(name << "() did not give a string: " << describe(result));
            return {};
        }
        return result.as_string();
    }

    double num(std::string_view name, std::vector<Value> args) {
        Value result = call(name, std::move(args));
        if (!result.is_number()) {
            FAIL_CHECK(name << "() did not give a number: " << describe(result));
            return -12345;
        }
        return result.as_number();
    }

    bool flag(std::string_view name, std::vector<Value> args) {
        Value result = call(name, std::move(args));
        if (!result.is_bool()) {
            FAIL_CHECK(name << "() did not give a bool: " << describe(result));
            return false;
        }
        return result.as_bool();
    }

    // The result as JSON (Terraform's jsonencode), for compact structural checks.
    std::string json(std::string_view name, std::vector<Value> args) {
        Value result = call(name, std::move(args));
        if (result.is_unknown()) {
            FAIL_CHECK(name << "() gave Unknown: " << result.as_unknown().reason);
            return {};
        }
        std::vector<Value> encode_args{std::move(result)};
        Value encoded = terraform::find_function("jsonencode")(encode_args, context);
        REQUIRE(encoded.is_string());
        return encoded.as_string();
    }

    // The call is rejected: one warning at the call, and an Unknown result.
    void rejects(std::string_view name, std::vector<Value> args,
                 DiagnosticCode code = DiagnosticCode::InvalidTemplate) {
        const std::size_t before = diagnostics.size();
        Value result = call(name, std::move(args));
        CHECK_MESSAGE(result.is_unknown(),
                      name << "() should give Unknown, gave " << describe(result));
        REQUIRE_MESSAGE(diagnostics.size() == before + 1, name << "() should add one diagnostic");
        const Diagnostic& diagnostic = diagnostics.back();
        CHECK(diagnostic.severity == DiagnosticSeverity::Warning);
        CHECK(diagnostic.code == code);
        CHECK(diagnostic.file == kCall.file);
        CHECK(diagnostic.position == kCall.begin);
        CHECK(diagnostic.message.starts_with(std::string(name) + "(): "));
        CHECK(result.range() == kCall);
    }
};

}  // namespace

TEST_CASE("terraform functions: the registry lists every function, sorted, and nothing else") {
    const std::vector<std::string_view> names = terraform::function_names();
    CHECK(std::is_sorted(names.begin(), names.end()));
    CHECK(std::adjacent_find(names.begin(), names.end()) == names.end());
    for (std::string_view name : names)
        CHECK_MESSAGE(static_cast<bool>(terraform::find_function(name)), name);
    // The built-ins configurations rely on, space-separated.
    const std::string required =
        "length concat flatten merge lookup element keys values contains coalesce "
        "coalescelist compact distinct zipmap range slice reverse sort setunion "
        "setintersection setsubtract setproduct chunklist index one sum alltrue anytrue "
        "transpose matchkeys format formatlist join split replace lower upper title trimspace "
        "trim trimprefix trimsuffix substr strrev chomp indent startswith endswith "
        "strcontains regex regexall tostring abs ceil floor max min pow signum parseint log "
        "tonumber tobool tolist toset tomap jsonencode jsondecode yamlencode base64encode "
        "base64decode urlencode csvdecode md5 sha1 sha256 sha512 base64sha256 uuid timestamp "
        "bcrypt uuidv5 cidrsubnet cidrhost cidrnetmask cidrsubnets file fileexists fileset "
        "filebase64 basename dirname abspath pathexpand sensitive nonsensitive";
    std::size_t start = 0;
    while (start < required.size()) {
        const std::size_t end = std::min(required.find(' ', start), required.size());
        const std::string name = required.substr(start, end - start);
        CHECK_MESSAGE(std::binary_search(names.begin(), names.end(), name), name);
        start = end + 1;
    }
    // Not functions of this library: they need unevaluated expressions or the template engine.
    CHECK_FALSE(static_cast<bool>(terraform::find_function("try")));
    CHECK_FALSE(static_cast<bool>(terraform::find_function("can")));
    CHECK_FALSE(static_cast<bool>(terraform::find_function("templatefile")));
    CHECK_FALSE(static_cast<bool>(terraform::find_function("no_such_function")));
    CHECK_FALSE(static_cast<bool>(terraform::find_function("")));
}

TEST_CASE("terraform functions: lists") {
    Harness h;
    CHECK(h.num("length", {Strings({"a", "b", "c"})}) == 3);
    CHECK(h.num("length", {S("héllo")}) == 5);
    CHECK(h.num("length", {M({{"a", N(1)}})}) == 1);
    CHECK(h.json("concat", {Strings({"a"}), Strings({"b", "c"})}) == R"(["a","b","c"])");
    CHECK(h.json("flatten", {L({Strings({"a"}), L({L({S("b")}), L({})}), S("c")})}) ==
          R"(["a","b","c"])");
    CHECK(h.str("element", {Strings({"a", "b", "c"}), N(4)}) == "b");  // wraps around
    CHECK(h.str("element", {Strings({"a", "b", "c"}), N(-1)}) == "c");
    CHECK(h.flag("contains", {Strings({"a", "b"}), S("b")}));
    CHECK_FALSE(h.flag("contains", {Strings({"a", "b"}), S("c")}));
    CHECK_FALSE(h.flag("contains", {L({N(1)}), S("1")}));  // no conversion, like cty's Equals
    CHECK(h.str("coalesce", {Value::null(), S(""), S("x")}) == "x");
    CHECK(h.str("coalesce", {Value::null(), N(1), S("x")}) == "1");  // unified to string
    CHECK(h.json("coalescelist", {L({}), Strings({"a"})}) == R"(["a"])");
    CHECK(h.json("compact", {L({S("a"), S(""), Value::null(), S("b")})}) == R"(["a","b"])");
    CHECK(h.json("distinct", {Strings({"a", "b", "a", "c"})}) == R"(["a","b","c"])");
    CHECK(h.json("slice", {Strings({"a", "b", "c", "d"}), N(1), N(3)}) == R"(["b","c"])");
    CHECK(h.json("reverse", {L({N(1), N(2), N(3)})}) == "[3,2,1]");
    CHECK(h.json("sort", {L({S("b"), S("a"), N(10), N(3)})}) == R"(["10","3","a","b"])");
    CHECK(h.json("chunklist", {Strings({"a", "b", "c", "d", "e"}), N(2)}) ==
          R"([["a","b"],["c","d"],["e"]])");
    CHECK(h.json("chunklist", {Strings({"a", "b"}), N(0)}) == R"([["a","b"]])");
    CHECK(h.num("index", {Strings({"a", "b", "c"}), S("b")}) == 1);
    CHECK(h.call("one", {L({})}).is_null());
    CHECK(h.str("one", {Strings({"x"})}) == "x");
    CHECK(h.num("sum", {L({N(1), N(2), N(3.5)})}) == 6.5);
    CHECK(h.flag("alltrue", {L({B(true), S("true")})}));
    CHECK(h.flag("alltrue", {L({})}));
    CHECK_FALSE(h.flag("alltrue", {L({B(true), B(false)})}));
    CHECK(h.flag("anytrue", {L({B(false), B(true)})}));
    CHECK_FALSE(h.flag("anytrue", {L({})}));

    CHECK(h.diagnostics.empty());
    h.rejects("element", {L({}), N(0)});
    h.rejects("index", {Strings({"a"}), S("z")});
    h.rejects("one", {Strings({"x", "y"})});
    h.rejects("sum", {L({})});
    h.rejects("slice", {Strings({"a", "b"}), N(1), N(3)});
    h.rejects("coalesce", {Value::null(), S("")});
    h.rejects("chunklist", {Strings({"a"}), N(-1)});
}

TEST_CASE("terraform functions: range follows Terraform and is bounded") {
    Harness h;
    CHECK(h.json("range", {N(3)}) == "[0,1,2]");
    CHECK(h.json("range", {N(1), N(4)}) == "[1,2,3]");
    CHECK(h.json("range", {N(1), N(8), N(2)}) == "[1,3,5,7]");
    CHECK(h.json("range", {N(4), N(1)}) == "[4,3,2]");
    CHECK(h.json("range", {N(-3)}) == "[0,-1,-2]");
    CHECK(h.json("range", {N(0), N(1), N(0.25)}) == "[0,0.25,0.5,0.75]");
    CHECK(h.json("range", {N(0)}) == "[]");
    CHECK(h.call("range", {N(1024)}).as_list().size() == 1024);
    CHECK(h.diagnostics.empty());
    // More than Terraform's 1024 values, or a range that would never end: a diagnostic, not a
    // hang or an allocation.
    h.rejects("range", {N(1025)}, DiagnosticCode::ExpansionLimit);
    h.rejects("range", {N(0), N(1e300)}, DiagnosticCode::ExpansionLimit);
    h.rejects("range", {N(0), N(1e9), N(1e-9)}, DiagnosticCode::ExpansionLimit);
    h.rejects("range", {N(1), N(2), N(0)});
    h.rejects("range", {N(5), N(1), N(1)});
    h.rejects("range", {});
    h.rejects("range", {N(1), N(2), N(3), N(4)});
}

TEST_CASE("terraform functions: maps") {
    Harness h;
    Value map = M({{"b", N(1)}, {"a", N(2)}, {"B", N(3)}});
    CHECK(h.json("keys", {map}) == R"(["B","a","b"])");
    CHECK(h.json("values", {map}) == "[3,2,1]");  // in key order
    CHECK(h.json("merge", {M({{"a", N(1)}, {"b", N(2)}}), Value::null(),
                           M({{"b", N(3)}, {"c", N(4)}})}) == R"({"a":1,"b":3,"c":4})");
    CHECK(h.str("lookup", {M({{"a", S("x")}}), S("a")}) == "x");
    CHECK(h.str("lookup", {M({{"a", S("x")}}), S("b"), S("d")}) == "d");
    CHECK(h.json("zipmap", {Strings({"a", "b"}), L({N(1), N(2)})}) == R"({"a":1,"b":2})");
    CHECK(h.json("transpose", {M({{"a", Strings({"1", "2"})}, {"b", Strings({"2", "3"})}})}) ==
          R"({"1":["a"],"2":["a","b"],"3":["b"]})");
    CHECK(h.json("matchkeys", {Strings({"i-1", "i-2", "i-3"}), Strings({"us-a", "us-b", "us-c"}),
                               Strings({"us-a", "us-c"})}) == R"(["i-1","i-3"])");
    CHECK(h.diagnostics.empty());
    h.rejects("lookup", {M({{"a", S("x")}}), S("b")});
    h.rejects("lookup", {Strings({"a"}), S("a")});
    h.rejects("zipmap", {Strings({"a"}), L({N(1), N(2)})});
    h.rejects("merge", {M({{"a", N(1)}}), S("x")});
}

TEST_CASE("terraform functions: sets are deduplicated and ordered like cty's") {
    Harness h;
    CHECK(h.json("setunion", {Strings({"b", "a"}), Strings({"c", "a"})}) == R"(["a","b","c"])");
    CHECK(h.json("setunion", {L({N(3), N(1)}), L({N(2), N(1)})}) == "[1,2,3]");
    CHECK(h.json("setintersection", {Strings({"a", "b", "c"}), Strings({"b", "c", "d"}),
                                     Strings({"c", "b"})}) == R"(["b","c"])");
    CHECK(h.json("setsubtract", {Strings({"a", "b", "c"}), Strings({"b"})}) == R"(["a","c"])");
    CHECK(h.json("setproduct", {Strings({"a", "b"}), L({N(1), N(2)})}) ==
          R"([["a",1],["a",2],["b",1],["b",2]])");
    CHECK(h.json("setproduct", {Strings({"a"}), L({})}) == "[]");
    CHECK(h.json("toset", {Strings({"b", "a", "b"})}) == R"(["a","b"])");
    CHECK(h.json("toset", {L({S("a"), N(1)})}) == R"(["1","a"])");
    // Elements that are not primitives keep their first-seen order.
    CHECK(h.json("toset", {L({L({N(2)}), L({N(1)}), L({N(2)})})}) == "[[2],[1]]");
    CHECK(h.diagnostics.empty());

    // setproduct is bounded: 1000 × 1000 × 2 tuples is refused before anything is built.
    Value::List thousand;
    for (int i = 0; i < 1000; ++i)
        thousand.push_back(N(i));
    h.rejects("setproduct", {L(thousand), L(thousand), L({N(1), N(2)})},
              DiagnosticCode::ExpansionLimit);
    h.rejects("setproduct", {Strings({"a"})});
}

TEST_CASE("terraform functions: unknown arguments give Unknowns that keep their references") {
    Harness h;
    const Value arn = unknown_ref("aws_kms_key.k", "arn");
    const Reference kms{"aws_kms_key.k", "arn"};

    Value upper = h.call("upper", {arn});
    REQUIRE(upper.is_unknown());
    CHECK(upper.as_unknown().references == std::vector<Reference>{kms});
    CHECK(upper.as_unknown().reason.starts_with("upper()"));
    CHECK(upper.range() == kCall);

    // Deep inside the arguments, and de-duplicated across them.
    Value encoded = h.call("jsonencode", {M({{"Statement", L({M({{"Resource", arn}})})}})});
    REQUIRE(encoded.is_unknown());
    CHECK(encoded.as_unknown().references == std::vector<Reference>{kms});
    Value formatted =
        h.call("format", {S("%s-%s-%s"), arn, unknown_ref("aws_s3_bucket.b", "id"), arn});
    REQUIRE(formatted.is_unknown());
    CHECK(formatted.as_unknown().references ==
          std::vector<Reference>{kms, Reference{"aws_s3_bucket.b", "id"}});

    // Functions that only rearrange containers keep unknown elements in place.
    Value joined = h.call("concat", {L({arn}), Strings({"x"})});
    REQUIRE(joined.is_list());
    CHECK(joined.as_list()[0].is_unknown());
    CHECK(joined.as_list()[0].as_unknown().references == std::vector<Reference>{kms});
    CHECK(h.num("length", {L({arn, S("x")})}) == 2);
    Value picked = h.call("lookup", {M({{"key", arn}, {"other", S("x")}}), S("other")});
    CHECK(picked.is_string());
    Value merged = h.call("merge", {M({{"a", arn}}), M({{"b", S("x")}})});
    REQUIRE(merged.is_map());
    CHECK(merged.find("a")->is_unknown());
    CHECK(merged.find("b")->as_string() == "x");

    // The unknown decides only when it matters.
    CHECK(h.flag("contains", {L({arn, S("x")}), S("x")}));
    Value undecided = h.call("contains", {L({arn, S("x")}), S("y")});
    REQUIRE(undecided.is_unknown());
    CHECK(undecided.as_unknown().references == std::vector<Reference>{kms});
    CHECK(h.str("coalesce", {Value::null(), S("x"), arn}) == "x");
    CHECK(h.call("coalesce", {Value::null(), arn, S("x")}).is_unknown());
    CHECK_FALSE(h.flag("alltrue", {L({B(false), arn})}));
    CHECK(h.call("alltrue", {L({B(true), arn})}).is_unknown());
    Value list = h.call("formatlist", {S("%s!"), L({S("a"), arn})});
    REQUIRE(list.is_list());
    CHECK(list.as_list()[0].as_string() == "a!");
    CHECK(list.as_list()[1].is_unknown());

    // A conversion of an unknown is that unknown.
    Value converted = h.call("tostring", {arn});
    REQUIRE(converted.is_unknown());
    CHECK(converted.as_unknown().references == std::vector<Reference>{kms});
    CHECK(h.call("sensitive", {arn}).as_unknown().references == std::vector<Reference>{kms});

    // None of this is a problem with the configuration.
    CHECK(h.diagnostics.empty());
}

TEST_CASE("terraform functions: picked values keep their own ranges, computed ones the call's") {
    Harness h;
    Value map = Value::map(
        {Value::Entry{"a", at(11), S("x", at(12))}, Value::Entry{"b", at(13), S("y", at(14))}});
    CHECK(h.call("lookup", {map, S("b")}).range() == at(14));
    CHECK(h.call("lookup", {map, S("zz"), S("d", at(20))}).range() == at(20));
    CHECK(h.call("element", {L({S("p", at(21)), S("q", at(22))}), N(3)}).range() == at(22));
    CHECK(h.call("coalesce", {Value::null(), S("c", at(23))}).range() == at(23));
    CHECK(h.call("one", {L({S("o", at(24))})}).range() == at(24));
    CHECK(h.call("sensitive", {S("s", at(25))}).range() == at(25));

    Value values = h.call("values", {map});
    CHECK(values.range() == kCall);
    CHECK(values.as_list()[0].range() == at(12));
    Value keys = h.call("keys", {map});
    CHECK(keys.as_list()[1].range() == at(13));  // a key's range is where the key is written

    Value merged = h.call("merge", {map, Value::map({Value::Entry{"b", at(30), S("z", at(31))}})});
    CHECK(merged.range() == kCall);
    CHECK(merged.find("a")->range() == at(12));
    CHECK(merged.find("b")->range() == at(31));
    CHECK(merged.find_entry("b")->key_range == at(30));

    Value joined = h.call("concat", {L({S("p", at(21))}), L({S("q", at(22))})});
    CHECK(joined.range() == kCall);
    CHECK(joined.as_list()[1].range() == at(22));

    CHECK(h.call("upper", {S("x", at(40))}).range() == kCall);
    CHECK(h.call("length", {S("x", at(40))}).range() == kCall);
    CHECK(h.call("cidrsubnet", {S("10.0.0.0/16", at(41)), N(8), N(1)}).range() == kCall);
    Value decoded = h.call("jsondecode", {S(R"({"a": [1, {"b": true}]})", at(42))});
    CHECK(decoded.range() == kCall);
    CHECK(decoded.find_entry("a")->key_range == kCall);
    CHECK(decoded.find("a")->as_list()[1].find("b")->range() == kCall);
}

TEST_CASE("terraform functions: strings") {
    Harness h;
    CHECK(h.str("join", {S(", "), Strings({"a", "b"}), Strings({"c"})}) == "a, b, c");
    CHECK(h.str("join", {S("-"), L({N(1), B(true)})}) == "1-true");
    CHECK(h.json("split", {S(","), S("a,b,,c")}) == R"(["a","b","","c"])");
    CHECK(h.json("split", {S(","), S("")}) == R"([""])");
    CHECK(h.str("replace", {S("1+2+3"), S("+"), S("-")}) == "1-2-3");
    CHECK(h.str("replace", {S("hello world"), S("/o(r?)/"), S("[$1]")}) == "hell[] w[r]ld");
    CHECK(h.str("replace", {S("hello"), S("/(?P<first>h)(e)/"), S("${first}|$2|$$")}) ==
          "h|e|$llo");
    CHECK(h.str("replace", {S("aaa"), S("/a*/"), S("-")}) == "-");
    CHECK(h.str("replace", {S("abc"), S("/x*/"), S("-")}) == "-a-b-c-");
    CHECK(h.str("lower", {S("HeLLo ÀÉ")}) == "hello àé");
    CHECK(h.str("upper", {S("hello àé")}) == "HELLO ÀÉ");
    CHECK(h.str("title", {S("hello world-foo_bar x.y")}) == "Hello World-Foo_bar X.Y");
    CHECK(h.str("trimspace", {S("  \t hi \n ")}) == "hi");
    CHECK(h.str("trim", {S("?!hello?!"), S("!?")}) == "hello");
    CHECK(h.str("trimprefix", {S("helloworld"), S("hello")}) == "world");
    CHECK(h.str("trimsuffix", {S("helloworld"), S("world")}) == "hello");
    CHECK(h.str("substr", {S("hello world"), N(1), N(4)}) == "ello");
    CHECK(h.str("substr", {S("hello"), N(-3), N(-1)}) == "llo");
    CHECK(h.str("substr", {S("héllo"), N(1), N(2)}) == "él");
    CHECK(h.str("substr", {S("hello"), N(10), N(2)}).empty());
    CHECK(h.str("strrev", {S("héllo")}) == "olléh");
    CHECK(h.str("chomp", {S("hello\n\r\n\n")}) == "hello");
    CHECK(h.str("indent", {N(2), S("a\nb\n")}) == "a\n  b\n  ");
    CHECK(h.flag("startswith", {S("hello"), S("he")}));
    CHECK(h.flag("endswith", {S("hello"), S("lo")}));
    CHECK(h.flag("strcontains", {S("hello"), S("ell")}));
    CHECK_FALSE(h.flag("strcontains", {S("hello"), S("xyz")}));
    CHECK(h.str("regex", {S("[a-z]+"), S("123abc456")}) == "abc");
    CHECK(h.json("regex", {S(R"((\d+)-(\d+))"), S("10-20")}) == R"(["10","20"])");
    CHECK(h.json("regex", {S(R"((?P<a>\d+)-(?<b>\d+))"), S("10-20")}) == R"({"a":"10","b":"20"})");
    CHECK(h.json("regex", {S("(a)|(b)"), S("b")}) == R"([null,"b"])");
    CHECK(h.json("regexall", {S("[a-z]+"), S("a1bb2ccc")}) == R"(["a","bb","ccc"])");
    CHECK(h.json("regexall", {S("z"), S("abc")}) == "[]");
    CHECK(h.diagnostics.empty());
    h.rejects("regex", {S("x"), S("abc")});  // no match is an error in Terraform
    h.rejects("regex", {S("("), S("x")});
    h.rejects("regex", {S("(?P<a>x)(y)"), S("xy")});  // named and unnamed groups mixed
    h.rejects("replace", {S("x"), S("/(/"), S("y")});
    h.rejects("join", {S(",")});
    h.rejects("upper", {Strings({"a"})});
    h.rejects("substr", {S("abc"), S("one"), N(1)});
}

TEST_CASE("terraform functions: format and formatlist render like Terraform") {
    Harness h;
    CHECK(h.str("format", {S("%s-%03d"), S("web"), N(7)}) == "web-007");
    CHECK(h.str("format", {S("Hello, %s!"), S("Ander")}) == "Hello, Ander!");
    CHECK(h.str("format", {S("%d items"), S("12")}) == "12 items");  // converted
    CHECK(h.str("format", {S("%.2f|%5.1f|%e"), N(3.14159), N(2.25), N(1234.5678)}) ==
          "3.14|  2.2|1.234568e+03");
    CHECK(h.str("format", {S("%q %t %%"), S("a\"<b>"), B(true)}) == R"("a\"\u003cb\u003e" true %)");
    CHECK(h.str("format", {S("%v|%v|%v|%v"), N(7), N(1234567), N(0.5), B(false)}) ==
          "7|1.234567e+06|0.5|false");
    CHECK(h.str("format", {S("%v"), L({N(1), S("a")})}) == R"([1,"a"])");
    CHECK(h.str("format", {S("%-6s|%6s|%.2s"), S("ab"), S("cd"), S("hello")}) ==
          "ab    |    cd|he");
    CHECK(h.str("format", {S("%x|%X|%o|%b|%#x"), N(255), N(255), N(8), N(5), N(255)}) ==
          "ff|FF|10|101|0xff");
    CHECK(h.str("format", {S("%+d|% d|%08.3f|%-8d|%08d"), N(5), N(5), N(-3.14159), N(42),
                           N(-42)}) == "+5| 5|-003.142|42      |-0000042");
    CHECK(h.str("format", {S("%g|%g|%.3g"), N(100000), N(1e21), N(1234.5678)}) ==
          "100000|1e+21|1.23e+03");
    CHECK(h.str("format", {S("%[2]s %[1]s %s"), S("a"), S("b")}) == "b a b");
    CHECK(h.json("formatlist", {S("%s-%s"), Strings({"a", "b"}), S("x")}) == R"(["a-x","b-x"])");
    CHECK(h.json("formatlist", {S("hi")}) == R"(["hi"])");
    CHECK(h.diagnostics.empty());
    h.rejects("format", {S("%d"), N(3.5)});
    h.rejects("format", {S("%s")});                  // not enough arguments
    h.rejects("format", {S("%s"), S("a"), S("b")});  // too many
    h.rejects("format", {S("%z"), N(1)});
    h.rejects("format", {S("100%")});
    h.rejects("format", {S("%s"), Value::null()});
    h.rejects("format", {S("%999999999s"), S("x")}, DiagnosticCode::ExpansionLimit);
    h.rejects("formatlist", {S("%s-%s"), Strings({"a", "b"}), Strings({"c"})});
}

TEST_CASE("terraform functions: numbers") {
    Harness h;
    CHECK(h.num("abs", {N(-3.5)}) == 3.5);
    CHECK(h.num("ceil", {N(1.2)}) == 2);
    CHECK(h.num("floor", {N(-1.2)}) == -2);
    CHECK(h.num("max", {N(1), N(5), S("3")}) == 5);
    CHECK(h.num("min", {N(1), N(5), N(3)}) == 1);
    CHECK(h.num("pow", {N(2), N(10)}) == 1024);
    CHECK(h.num("signum", {N(-4)}) == -1);
    CHECK(h.num("signum", {N(0)}) == 0);
    CHECK(h.num("parseint", {S("ff"), N(16)}) == 255);
    CHECK(h.num("parseint", {S("-1010"), N(2)}) == -10);
    CHECK(h.num("parseint", {S("zZ"), N(62)}) == 35 * 62 + 61);
    CHECK(h.num("log", {N(16), N(2)}) == 4);
    CHECK(h.str("tostring", {N(22)}) == "22");  // integers without ".0"
    CHECK(h.str("tostring", {N(0.1)}) == "0.1");
    CHECK(h.str("jsonencode", {N(1e21)}) == "1000000000000000000000");
    CHECK(h.diagnostics.empty());
    h.rejects("max", {});
    h.rejects("abs", {S("x")});
    h.rejects("parseint", {S("12"), N(63)});
    h.rejects("parseint", {S("FF"), N(10)});
    h.rejects("pow", {N(0), N(-1)});
}

TEST_CASE("terraform functions: type conversion is permissive like Terraform's") {
    Harness h;
    CHECK(h.str("tostring", {B(true)}) == "true");
    CHECK(h.call("tostring", {Value::null()}).is_null());
    CHECK(h.num("tonumber", {S("42.5")}) == 42.5);
    CHECK(h.flag("tobool", {S("true")}));
    CHECK(h.json("tolist", {L({S("a"), N(1)})}) == R"(["a","1"])");
    Value list = L({N(1), N(2)});
    list.set_range(at(50));
    CHECK(h.call("tolist", {list}).range() == at(50));  // nothing to convert: the input itself
    CHECK(h.json("tomap", {M({{"a", N(1)}, {"b", S("x")}})}) == R"({"a":"1","b":"x"})");
    CHECK(h.diagnostics.empty());
    h.rejects("tonumber", {S("abc")});
    h.rejects("tobool", {S("yes")});
    h.rejects("tostring", {L({N(1)})});
    h.rejects("tolist", {M({{"a", N(1)}})});
    h.rejects("tomap", {Strings({"a"})});
    h.rejects("toset", {S("a")});
}

TEST_CASE("terraform functions: jsonencode matches Terraform byte for byte") {
    Harness h;
    CHECK(h.str("jsonencode", {M({{"b", N(1)}, {"a", S("<x>")}})}) ==
          "{\"a\":\"\\u003cx\\u003e\",\"b\":1}");
    CHECK(
        h.str("jsonencode", {M({{"Version", S("2012-10-17")},
                                {"Statement", L({M({{"Effect", S("Allow")},
                                                    {"Action", Strings({"s3:GetObject", "s3:*"})},
                                                    {"Resource", S("*")}})})}})}) ==
        R"({"Statement":[{"Action":["s3:GetObject","s3:*"],"Effect":"Allow","Resource":"*"}],"Version":"2012-10-17"})");
    CHECK(h.str("jsonencode", {S("a & b\n\t\"q\" \\ \u2028")}) ==
          R"("a \u0026 b\n\t\"q\" \\ \u2028")");
    CHECK(h.str("jsonencode", {L({N(1), N(2.5), B(true), Value::null(), L({}), M({})})}) ==
          "[1,2.5,true,null,[],{}]");
    CHECK(h.str("jsonencode", {N(0.1)}) == "0.1");
    CHECK(h.str("jsonencode", {N(-1.25e-5)}) == "-0.0000125");
    CHECK(h.str("jsonencode", {S("é😀")}) == "\"é😀\"");

    Value decoded = h.call("jsondecode", {S(R"({"a":[1,"x",null,true],"b":{"c":1.5}})")});
    CHECK(h.str("jsonencode", {decoded}) == R"({"a":[1,"x",null,true],"b":{"c":1.5}})");
    CHECK(h.diagnostics.empty());
    h.rejects("jsondecode", {S("{bad")});
}

TEST_CASE("terraform functions: yamlencode matches Terraform's block style") {
    Harness h;
    CHECK(h.str("yamlencode", {M({{"a", S("b")}, {"c", S("d")}})}) ==
          "\"a\": \"b\"\n\"c\": \"d\"\n");
    CHECK(h.str("yamlencode", {M({{"foo", L({N(1), M({{"a", S("b")}, {"c", S("d")}}), N(3)})},
                                  {"bar", S("baz")}})}) ==
          "\"bar\": \"baz\"\n\"foo\":\n- 1\n- \"a\": \"b\"\n  \"c\": \"d\"\n- 3\n");
    CHECK(h.str("yamlencode", {M({{"a", S("b\nc")}, {"e", M({})}, {"l", L({L({})})}})}) ==
          "\"a\": |-\n  b\n  c\n\"e\": {}\n\"l\":\n- []\n");
    CHECK(h.str("yamlencode", {B(true)}) == "true\n...\n");
    CHECK(h.str("yamlencode", {S("hello\nworld")}) == "|-\n  hello\n  world\n");
    CHECK(h.str("yamlencode", {S("x\ty")}) == "\"x\\ty\"\n");
    Value decoded = h.call("yamldecode", {S("a: 1\nb: [x, y]\n")});
    CHECK(h.str("jsonencode", {decoded}) == R"({"a":1,"b":["x","y"]})");
    CHECK(h.diagnostics.empty());
}

TEST_CASE("terraform functions: base64, urlencode and csvdecode") {
    Harness h;
    CHECK(h.str("base64encode", {S("hello wörld")}) == "aGVsbG8gd8O2cmxk");
    CHECK(h.str("base64decode", {S("aGVsbG8gd8O2cmxk")}) == "hello wörld");
    CHECK(h.str("urlencode", {S("a b&c=d/é~_.-")}) == "a+b%26c%3Dd%2F%C3%A9~_.-");
    CHECK(h.json("csvdecode", {S("a,b\n1,2\n\"x,y\",\"q\"\"z\"\n")}) ==
          R"([{"a":"1","b":"2"},{"a":"x,y","b":"q\"z"}])");
    CHECK(h.diagnostics.empty());
    h.rejects("base64decode", {S("aGk")});
    h.rejects("base64decode", {S("/w==")});  // not UTF-8
    h.rejects("csvdecode", {S("a,b\n1\n")});
    h.rejects("csvdecode", {S("a,a\n1,2\n")});
}

TEST_CASE("terraform functions: hashes, and what cannot be known before apply") {
    Harness h;
    CHECK(h.str("md5", {S("hello world")}) == "5eb63bbbe01eeed093cb22bb8f5acdc3");
    CHECK(h.str("sha1", {S("hello world")}) == "2aae6c35c94fcfb415dbe95f408b9ce91ee846ed");
    CHECK(h.str("sha256", {S("hello world")}) ==
          "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9");
    CHECK(h.str("sha512", {S("hello world")}) ==
          "309ecc489c12d6eb4cc40f50c902f2b4d0ed77ee511a7c7a9bcd3ca86d4cd86f989dd35bc5ff499670da"
          "34255b45b0cfd830e81f605dcf7dc5542e93ae9cd76f");
    CHECK(h.str("base64sha256", {S("hello world")}) ==
          "uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=");
    CHECK(h.str("md5", {S("")}) == "d41d8cd98f00b204e9800998ecf8427e");
    CHECK(h.str("uuidv5", {S("dns"), S("www.terraform.io")}) ==
          "a5008fae-b28c-5ba5-96cd-82b4c53552d6");
    CHECK(h.call("uuid", {}).is_unknown());
    CHECK(h.call("timestamp", {}).is_unknown());
    CHECK(h.call("bcrypt", {S("secret")}).is_unknown());
    CHECK(h.call("abspath", {S("relative/dir")}).is_unknown());
    CHECK(h.call("pathexpand", {S("~/x")}).is_unknown());
    CHECK(h.diagnostics.empty());  // not knowable is not a problem
    h.rejects("uuid", {S("extra")});
    h.rejects("uuidv5", {S("nope"), S("x")});
}

TEST_CASE("terraform functions: CIDR arithmetic for IPv4 and IPv6") {
    Harness h;
    CHECK(h.str("cidrsubnet", {S("10.0.0.0/16"), N(8), N(2)}) == "10.0.2.0/24");
    CHECK(h.str("cidrsubnet", {S("10.1.2.3/16"), N(4), N(15)}) == "10.1.240.0/20");
    CHECK(h.str("cidrsubnet", {S("fd00:fd12:3456:7890::/56"), N(16), N(162)}) ==
          "fd00:fd12:3456:7800:a200::/72");
    CHECK(h.str("cidrhost", {S("10.12.112.0/20"), N(16)}) == "10.12.112.16");
    CHECK(h.str("cidrhost", {S("10.12.112.0/20"), N(268)}) == "10.12.113.12");
    CHECK(h.str("cidrhost", {S("10.12.112.0/20"), N(-1)}) == "10.12.127.255");
    CHECK(h.str("cidrhost", {S("fd00:fd12:3456:7890:00a2::/72"), N(34)}) ==
          "fd00:fd12:3456:7890::22");
    CHECK(h.str("cidrnetmask", {S("172.16.0.0/12")}) == "255.240.0.0");
    CHECK(h.json("cidrsubnets", {S("10.1.0.0/16"), N(4), N(4), N(8), N(4)}) ==
          R"(["10.1.0.0/20","10.1.16.0/20","10.1.32.0/24","10.1.48.0/20"])");
    CHECK(
        h.json("cidrsubnets", {S("fd00:fd12:3456:7890::/56"), N(16), N(16), N(16), N(32)}) ==
        R"(["fd00:fd12:3456:7800::/72","fd00:fd12:3456:7800:100::/72","fd00:fd12:3456:7800:200::/72","fd00:fd12:3456:7800:300::/88"])");
    CHECK(h.diagnostics.empty());
    h.rejects("cidrsubnet", {S("10.0.0.0/16"), N(8), N(256)});
    h.rejects("cidrsubnet", {S("10.0.0.0/30"), N(4), N(0)});
    h.rejects("cidrsubnet", {S("not a cidr"), N(8), N(1)});
    h.rejects("cidrhost", {S("10.12.112.0/20"), N(4096)});
    h.rejects("cidrnetmask", {S("2001:db8::/32")});
    h.rejects("cidrsubnets", {S("10.0.0.0/24"), N(1), N(1), N(1)});
    h.rejects("cidrsubnet", {S("10.0.0.0/16"), S("eight"), N(1)});
}

TEST_CASE("terraform functions: file() reads only inside the scan root") {
    test::TempDir outside;
    test::TempDir root;
    const std::filesystem::path secret = outside.write("secret.txt", "top secret");
    root.write("modules/app/policy.json", R"({"Version": "2012-10-17"})");
    root.write("shared/common.txt", "shared text\n");
    root.write("modules/app/binary.bin", std::string("\xff\xfe\x00\x01", 4));

    Harness h;
    h.context.scan_root = root.path();
    h.context.module_dir = root.path() / "modules" / "app";

    CHECK(h.str("file", {S("policy.json")}) == R"({"Version": "2012-10-17"})");
    CHECK(h.str("file", {S("../../shared/common.txt")}) == "shared text\n");  // `..` inside
    CHECK(h.str("file", {S((root.path() / "shared" / "common.txt").string())}) == "shared text\n");
    CHECK(h.str("filebase64", {S("binary.bin")}) == "//4AAQ==");
    CHECK(h.flag("fileexists", {S("policy.json")}));
    CHECK_FALSE(h.flag("fileexists", {S("missing.json")}));
    CHECK(h.str("filemd5", {S("../../shared/common.txt")}) == h.str("md5", {S("shared text\n")}));
    CHECK(h.str("filesha256", {S("../../shared/common.txt")}) ==
          h.str("sha256", {S("shared text\n")}));
    CHECK(h.diagnostics.empty());

    // Escapes: `..` past the root, an absolute path outside it, a home directory.
    h.rejects("file", {S("../../../" + outside.path().filename().string() + "/secret.txt")},
              DiagnosticCode::UnreadableFile);
    h.rejects("file", {S(secret.string())}, DiagnosticCode::UnreadableFile);
    h.rejects("file", {S("/etc/passwd")}, DiagnosticCode::UnreadableFile);
    h.rejects("file", {S("~/.aws/credentials")}, DiagnosticCode::UnreadableFile);
    h.rejects("fileexists", {S(secret.string())}, DiagnosticCode::UnreadableFile);
    h.rejects("filebase64", {S("../../../../../../../../etc/passwd")},
              DiagnosticCode::UnreadableFile);
    // Nothing from outside the root ever reaches a result or a message.
    for (const Diagnostic& diagnostic : h.diagnostics)
        CHECK(diagnostic.message.find("top secret") == std::string::npos);

    // A symlink inside the root that points outside it.
    std::error_code ec;
    std::filesystem::create_symlink(secret, root.path() / "modules" / "app" / "link.txt", ec);
    if (!ec) {
        h.rejects("file", {S("link.txt")}, DiagnosticCode::UnreadableFile);
        h.rejects("fileexists", {S("link.txt")}, DiagnosticCode::UnreadableFile);
    }
    std::filesystem::create_directory_symlink(outside.path(), root.path() / "escape", ec);
    if (!ec) h.rejects("file", {S("../../escape/secret.txt")}, DiagnosticCode::UnreadableFile);

    // Missing, not a file, not UTF-8, too large.
    h.rejects("file", {S("missing.json")}, DiagnosticCode::UnreadableFile);
    h.rejects("file", {S("..")}, DiagnosticCode::UnreadableFile);
    h.rejects("file", {S("binary.bin")}, DiagnosticCode::BinaryFile);
    {
        std::ofstream big(root.path() / "big.txt", std::ios::binary);
        big.seekp(16 * 1024 * 1024);
        big.put('x');
    }
    h.rejects("file", {S("../../big.txt")}, DiagnosticCode::FileTooLarge);

    // Without a scan root nothing is read.
    Harness no_root;
    no_root.context.module_dir = root.path();
    no_root.rejects("file", {S("shared/common.txt")}, DiagnosticCode::UnreadableFile);
}

TEST_CASE("terraform functions: fileset() globs inside the scan root") {
    test::TempDir outside;
    test::TempDir root;
    const std::filesystem::path secret = outside.write("secret.json", "{}");
    for (const char* name :
         {"policies/one.json", "policies/two.json", "policies/three.txt", "policies/a/four.json",
          "policies/a/b/five.json", "policies/.hidden/six.json"}) {
        root.write(name, "{}");
    }
    std::error_code ec;
    std::filesystem::create_symlink(secret, root.path() / "policies" / "outside.json", ec);

    Harness h;
    h.context.scan_root = root.path();
    h.context.module_dir = root.path();
    CHECK(h.json("fileset", {S("policies"), S("*.json")}) == R"(["one.json","two.json"])");
    CHECK(h.json("fileset", {S("policies"), S("**/*.json")}) ==
          R"([".hidden/six.json","a/b/five.json","a/four.json","one.json","two.json"])");
    CHECK(h.json("fileset", {S("policies"), S("{one,three}.*")}) == R"(["one.json","three.txt"])");
    CHECK(h.json("fileset", {S("policies"), S("a/**")}) == R"(["a/b/five.json","a/four.json"])");
    CHECK(h.json("fileset", {S("policies"), S("[ot]?o.json")}) == R"(["two.json"])");
    CHECK(h.json("fileset", {S("missing"), S("*")}) == "[]");
    CHECK(h.diagnostics.empty());
    h.rejects("fileset", {S(outside.path().string()), S("*")}, DiagnosticCode::UnreadableFile);
    h.rejects("fileset", {S("policies"), S("../../*")}, DiagnosticCode::Unsupported);
}

TEST_CASE("terraform functions: path names") {
    Harness h;
    CHECK(h.str("basename", {S("foo/bar/baz.txt")}) == "baz.txt");
    CHECK(h.str("basename", {S("foo/bar/")}) == "bar");
    CHECK(h.str("basename", {S("/")}) == "/");
    CHECK(h.str("dirname", {S("foo/bar/baz.txt")}) == "foo/bar");
    CHECK(h.str("dirname", {S("foo")}) == ".");
    CHECK(h.str("dirname", {S("a//b/../c/d")}) == "a/c");
    CHECK(h.str("abspath", {S("/a/b/../c")}) == "/a/c");
    CHECK(h.str("pathexpand", {S("a/b")}) == "a/b");
    CHECK(h.diagnostics.empty());
}

TEST_CASE("terraform functions: wrong argument counts and types are diagnostics, not crashes") {
    Harness h;
    h.rejects("length", {});
    h.rejects("length", {N(5)});
    h.rejects("length", {S("a"), S("b")});
    h.rejects("concat", {S("a")});
    h.rejects("keys", {Strings({"a"})});
    h.rejects("lookup", {M({{"a", N(1)}})});
    h.rejects("cidrsubnet", {S("10.0.0.0/16"), N(8)});
    h.rejects("jsonencode", {});
    h.rejects("split", {S(","), L({})});
    h.rejects("join", {S(","), L({L({})})});
    h.rejects("element", {Strings({"a"}), N(0.5)});
    h.rejects("tostring", {});
    h.rejects("file", {M({})});
}

TEST_CASE("terraform functions: every function survives arbitrary arguments") {
    // Deterministic pseudo-random values of every kind, nested a little.
    std::mt19937 random(20240611);
    const std::vector<std::string> texts = {
        "",     "x",   "%",           "%[9]d",   "%999x",          "\xff\xfe",  "10.0.0.0/8",
        "::/0", "/(/", "/a*/",        "a,b\n1",  "${x}",           "{\"a\":[1", "- a\n- b",
        "~",    "..",  "/etc/passwd", "e\u0301", "2001:db8::/129", "\"",        "1e3",
        "true"};
    const std::vector<double> numbers = {0, 1, -1, 0.5, 3, 64, 129, 1e18, -1e18, 1e300, -0.0};
    std::function<Value(int)> make = [&](int depth) -> Value {
        switch (random() % (depth > 0 ? 8 : 5)) {
            case 0:
                return Value::null();
            case 1:
                return B(random() % 2 == 0);
            case 2:
                return N(numbers[random() % numbers.size()]);
            case 3:
            case 4:
                return S(texts[random() % texts.size()]);
            case 5:
                return unknown_ref("aws_x.y", "id");
            case 6: {
                Value::List items;
                for (unsigned n = random() % 4; n > 0; --n)
                    items.push_back(make(depth - 1));
                return L(std::move(items));
            }
            default: {
                Value map = M({});
                for (unsigned n = random() % 4; n > 0; --n)
                    map.set(texts[random() % texts.size()], make(depth - 1));
                return map;
            }
        }
    };
    Harness h;
    for (std::string_view name : terraform::function_names()) {
        for (int round = 0; round < 60; ++round) {
            std::vector<Value> args;
            for (unsigned n = random() % 4; n > 0; --n)
                args.push_back(make(2));
            CHECK_NOTHROW(terraform::find_function(name)(args, h.context));
        }
    }
    // Every diagnostic is a warning at the call, named after its function.
    for (const Diagnostic& diagnostic : h.diagnostics) {
        CHECK(diagnostic.severity == DiagnosticSeverity::Warning);
        CHECK(diagnostic.position == kCall.begin);
        CHECK(diagnostic.message.find("(): ") != std::string::npos);
    }
}
