package dev.txorder.cli.verify;

import dev.txorder.Mutant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One model of a manifest ({@code spec/models/manifest.json}, {@code proofs/manifest.json}) and
 * what it declares.
 *
 * <pre>
 * { "models": [ { "name": "MCM1", "expect": "fail", "property": "GroupOrder", "mutant": "M1",
 *                 "profiles": ["quick", "full"], "distinct_states": 1234, "timeout_seconds": 600 } ] }
 * </pre>
 *
 * {@code expect} is {@code pass} or {@code fail}; a must-fail model names the {@code property} TLC
 * must report violated. {@code profiles} (or {@code profile}: {@code ci}/{@code quick} means
 * quick and full, {@code full} only full) says when it runs; default both. {@code distinct_states}
 * of a passing model is compared with TLC's count. {@code mutant} defaults to n for a model named
 * {@code MCMn}.
 */
public record TlcModel(String name, boolean expectPass, String property, Optional<Mutant> mutant,
                       List<Profile> profiles, long expectedDistinct, long timeoutSeconds) {
    private static final Pattern MUTANT_MODEL = Pattern.compile("^MC(M\\d)$");

    /** The models of a manifest, in its order; {@link IllegalArgumentException} names the bad field. */
    static List<TlcModel> manifest(String json) {
        Object root = Json.parse(json);
        List<?> entries = root instanceof List<?> l ? l : Json.array(Json.object(root, "manifest").get("models"), "manifest's \"models\"");
        List<TlcModel> models = new ArrayList<>();
        for (Object e : entries) {
            models.add(of(Json.object(e, "a model")));
        }
        return models;
    }

    static TlcModel of(Map<String, Object> m) {
        String name = Json.string(m, "name", "model", "module");
        if (name == null) {
            throw new IllegalArgumentException("a model has no \"name\"");
        }
        String expect = Json.string(m, "expect", "expected", "outcome");
        boolean pass;
        if (expect == null || expect.equalsIgnoreCase("pass") || expect.equalsIgnoreCase("ok")) {
            pass = true;
        } else if (expect.equalsIgnoreCase("fail") || expect.equalsIgnoreCase("violation")) {
            pass = false;
        } else {
            throw new IllegalArgumentException(name + ": \"expect\" is '" + expect + "'; allowed: pass, fail");
        }
        String property = Json.string(m, "property", "violates", "violated");
        if (!pass && property == null) {
            throw new IllegalArgumentException(name + ": a must-fail model must name the \"property\" it violates");
        }
        String mu = Json.string(m, "mutant");
        Matcher byName = MUTANT_MODEL.matcher(name);
        Optional<Mutant> mutant = mu != null ? Optional.of(Mutant.parse(mu))
                : byName.matches() ? Optional.of(Mutant.parse(byName.group(1))) : Optional.empty();
        List<Profile> profiles = new ArrayList<>();
        Object p = m.containsKey("profiles") ? m.get("profiles") : m.get("profile");
        for (Object o : p instanceof List<?> l ? l : p == null ? List.of("ci") : List.of(p)) {
            switch (String.valueOf(o).toLowerCase(Locale.ROOT)) {
                case "ci", "quick" -> {
                    profiles.add(Profile.quick);
                    profiles.add(Profile.full);
                }
                case "full" -> profiles.add(Profile.full);
                default -> throw new IllegalArgumentException(name + ": profile '" + o + "'; allowed: quick (or ci), full");
            }
        }
        long distinct = Json.number(m, "distinct_states", Json.number(m, "distinctStates", -1));
        return new TlcModel(name, pass, property, mutant, List.copyOf(profiles), distinct, Json.number(m, "timeout_seconds", -1));
    }

    String expected() {
        return expectPass ? "pass" : "fail: " + property;
    }
}
