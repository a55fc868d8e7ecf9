package org.camelbyte.airbyte;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The existing names closest to a mistyped one: containment first, then edit distance. */
final class NameSuggestions {
    private static final int MAX_SUGGESTIONS = 3;

    private NameSuggestions() {}

    static List<String> closest(String wanted, Collection<String> names) {
        String target = wanted.toLowerCase(Locale.ROOT);
        int maxDistance = Math.max(3, target.length() / 2);
        return names.stream()
                .distinct()
                .filter(name -> related(target, name.toLowerCase(Locale.ROOT), maxDistance))
                .sorted(Comparator.comparingInt((String name) -> distance(target, name.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(MAX_SUGGESTIONS)
                .toList();
    }

    private static boolean related(String target, String candidate, int maxDistance) {
        return candidate.contains(target) || target.contains(candidate) || distance(target, candidate) <= maxDistance;
    }

    /** Levenshtein distance, two rows at a time. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
