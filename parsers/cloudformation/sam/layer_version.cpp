// AWS::Serverless::LayerVersion -> AWS::Lambda::LayerVersion. SAM retains old layer versions
// unless RetentionPolicy says Delete.
#include "parsers/cloudformation/sam/sam_support.h"

namespace bulwark::cloudformation::sam {

void expand_layer_version(const SamResource& layer, Expansion& expansion) {
    const SourceRange& at = layer.at;
    Value properties = object(at);
    if (const Value::Entry* uri = layer.entry("ContentUri")) {
        Value content = object(uri->key_range);
        const Value& written = uri->value;
        if (written.is_string() && written.as_string().starts_with("s3://")) {
            const std::string path = written.as_string().substr(5);
            const std::size_t slash = path.find('/');
            content.set("S3Bucket", text(path.substr(0, slash), written.range()), uri->key_range);
            content.set(
                "S3Key",
                text(slash == std::string::npos ? "" : path.substr(slash + 1), written.range()),
                uri->key_range);
        } else if (written.is_map() && !is_intrinsic(written)) {
            if (const Value* b = written.find("Bucket")) content.set("S3Bucket", *b, b->range());
            if (const Value* k = written.find("Key")) content.set("S3Key", *k, k->range());
            if (const Value* v = written.find("Version"))
                content.set("S3ObjectVersion", *v, v->range());
        } else {
            content = Value::unknown("local layer content is uploaded when packaged", {},
                                     written.range());
        }
        properties.set("Content", std::move(content), uri->key_range);
    }
    for (std::string_view name : {"CompatibleRuntimes", "CompatibleArchitectures", "Description",
                                  "LayerName", "LicenseInfo"}) {
        copy(layer, properties, name);
    }
    Value& resource =
        expansion.add(layer, layer.id, "AWS::Lambda::LayerVersion", std::move(properties), true);
    const Value::Entry* retention = layer.entry("RetentionPolicy");
    const bool keep =
        !(retention && retention->value.is_string() && retention->value.as_string() == "Delete");
    if (resource.find("DeletionPolicy") == nullptr) {
        resource.set("DeletionPolicy",
                     text(keep ? "Retain" : "Delete", retention ? retention->value.range() : at),
                     retention ? retention->key_range : at);
    }
}

}  // namespace bulwark::cloudformation::sam
