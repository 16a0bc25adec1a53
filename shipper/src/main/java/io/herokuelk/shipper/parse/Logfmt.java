package io.herokuelk.shipper.parse;

/**
 * Splits logfmt text ({@code key=value key="quoted value" key= flag}) into pairs, as the router and runtime metrics
 * write it. A quoted value may contain spaces and {@code \"}; an empty value is given as {@code ""}; a key without
 * {@code =} gets an empty value.
 */
final class Logfmt {

    interface Visitor {
        void pair(String key, String value);
    }

    private Logfmt() {
    }

    static void parse(String s, Visitor visitor) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            while (i < n && s.charAt(i) == ' ') {
                i++;
            }
            if (i == n) {
                return;
            }
            int keyStart = i;
            while (i < n && s.charAt(i) != '=' && s.charAt(i) != ' ') {
                i++;
            }
            String key = s.substring(keyStart, i);
            if (i == n || s.charAt(i) == ' ') {
                visitor.pair(key, "");
                continue;
            }
            i++; // '='
            if (i < n && s.charAt(i) == '"') {
                i++;
                int valueStart = i;
                StringBuilder unescaped = null;
                while (i < n && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && i + 1 < n) {
                        if (unescaped == null) {
                            unescaped = new StringBuilder().append(s, valueStart, i);
                        }
                        unescaped.append(s.charAt(i + 1));
                        i += 2;
                        continue;
                    }
                    if (unescaped != null) {
                        unescaped.append(s.charAt(i));
                    }
                    i++;
                }
                String value = unescaped != null ? unescaped.toString() : s.substring(valueStart, i);
                if (i < n) {
                    i++; // closing quote
                }
                visitor.pair(key, value);
            } else {
                int valueStart = i;
                while (i < n && s.charAt(i) != ' ') {
                    i++;
                }
                visitor.pair(key, s.substring(valueStart, i));
            }
        }
    }
}
