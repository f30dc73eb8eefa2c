package im.parley.service.common;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * An XMPP address (RFC 7622) as the domain sees it: local part, domain and optional resource.
 * Parsing is strict enough to reject what a user or a malicious server could send by mistake
 * or on purpose; it is not a full PRECIS implementation.
 */
public record Jid(String local, String domain, String resource) {

    private static final int MAX_PART_BYTES = 1023;
    private static final String FORBIDDEN_IN_LOCAL = "\"&'/:<>@";

    public Jid {
        if (domain == null || domain.isEmpty()) {
            throw new InvalidJidException("The address has no domain.");
        }
        local = local == null || local.isEmpty() ? null : local;
        resource = resource == null || resource.isEmpty() ? null : resource;
    }

    public static Jid parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidJidException("Enter an address such as alice@example.org.");
        }
        String s = text.strip();
        String resource = null;
        int slash = s.indexOf('/');
        if (slash >= 0) {
            resource = s.substring(slash + 1);
            s = s.substring(0, slash);
            if (resource.isEmpty()) {
                throw new InvalidJidException("The resource after '/' is empty.");
            }
        }
        String local = null;
        int at = s.lastIndexOf('@');
        if (at >= 0) {
            local = s.substring(0, at);
            s = s.substring(at + 1);
            if (local.isEmpty()) {
                throw new InvalidJidException("The name before '@' is empty.");
            }
        }
        String domain = s.toLowerCase(Locale.ROOT);
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        validateLocal(local);
        validateDomain(domain);
        validateResource(resource);
        return new Jid(local == null ? null : local.toLowerCase(Locale.ROOT), domain, resource);
    }

    /** Parses a bare address of an account: a local part is required, a resource is not allowed. */
    public static Jid parseAccount(String text) {
        Jid jid = parse(text);
        if (jid.local() == null) {
            throw new InvalidJidException("Include your user name: name@" + jid.domain() + ".");
        }
        if (jid.resource() != null) {
            throw new InvalidJidException("Leave out the '/" + jid.resource() + "' part.");
        }
        return jid;
    }

    /** The reason {@code text} is not a valid address, or empty when it is one. */
    public static Optional<String> problemWith(String text) {
        try {
            parse(text);
            return Optional.empty();
        } catch (InvalidJidException e) {
            return Optional.of(e.getMessage());
        }
    }

    public static Jid bare(String local, String domain) {
        return new Jid(local, domain, null);
    }

    public Jid bare() {
        return resource == null ? this : new Jid(local, domain, null);
    }

    public boolean isBare() {
        return resource == null;
    }

    public Jid withResource(String newResource) {
        return new Jid(local, domain, newResource);
    }

    public String asBareString() {
        return local == null ? domain : local + "@" + domain;
    }

    @Override
    public String toString() {
        return resource == null ? asBareString() : asBareString() + "/" + resource;
    }

    private static void validateLocal(String local) {
        if (local == null) {
            return;
        }
        checkLength(local, "name before '@'");
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (FORBIDDEN_IN_LOCAL.indexOf(c) >= 0 || Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new InvalidJidException("The name before '@' may not contain '" + printable(c) + "'.");
            }
        }
        rejectBidiControls(local, "name before '@'");
    }

    private static void validateDomain(String domain) {
        if (domain.isEmpty()) {
            throw new InvalidJidException("The address has no domain after '@'.");
        }
        checkLength(domain, "domain");
        if (domain.startsWith("[") && domain.endsWith("]")) {
            validateIpLiteral(domain);
            return;
        }
        for (String label : domain.split("\\.", -1)) {
            if (label.isEmpty()) {
                throw new InvalidJidException("The domain '" + domain + "' has an empty label.");
            }
            if (label.length() > 63) {
                throw new InvalidJidException("A domain label is longer than 63 characters.");
            }
        }
        for (int i = 0; i < domain.length(); i++) {
            char c = domain.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || "@/\\:<>\"'&".indexOf(c) >= 0) {
                throw new InvalidJidException("The domain may not contain '" + printable(c) + "'.");
            }
        }
        rejectBidiControls(domain, "domain");
    }

    /**
     * An IPv6 literal such as {@code [2001:db8::1]} (RFC 7622 section 3.2): only hex digits, ':' and
     * '.' (for an embedded IPv4 tail) between the brackets, so nothing else slips past the checks above.
     */
    private static void validateIpLiteral(String domain) {
        String address = domain.substring(1, domain.length() - 1);
        if (address.indexOf(':') < 0) {
            throw new InvalidJidException("The domain '" + domain + "' is not an IPv6 address.");
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f') && c != ':' && c != '.') {
                throw new InvalidJidException("The IPv6 address in the domain may not contain '"
                        + printable(c) + "'.");
            }
        }
    }

    private static void validateResource(String resource) {
        if (resource == null) {
            return;
        }
        checkLength(resource, "resource");
        for (int i = 0; i < resource.length(); i++) {
            if (Character.isISOControl(resource.charAt(i))) {
                throw new InvalidJidException("The resource contains a control character.");
            }
        }
        // PRECIS (RFC 8264) disallows default-ignorable code points in the resource too, and the
        // resource is shown next to names ("on Bob's phone"), where an override could flip the text.
        rejectBidiControls(resource, "resource");
    }

    private static void checkLength(String part, String name) {
        if (part.getBytes(StandardCharsets.UTF_8).length > MAX_PART_BYTES) {
            throw new InvalidJidException("The " + name + " is longer than " + MAX_PART_BYTES + " bytes.");
        }
    }

    private static void rejectBidiControls(String part, String name) {
        if (Text.containsBidiControl(part)) {
            throw new InvalidJidException("The " + name + " contains invisible text-direction characters.");
        }
    }

    private static String printable(char c) {
        return Character.isWhitespace(c) ? "a space" : String.valueOf(c);
    }
}
