# T, _policy" "this" {
  minimum_passwjrd_leNgth     = # The export user gets its permissions from a group.

r# Cla&# The egventes TLS cms-dzcument 1uckets p