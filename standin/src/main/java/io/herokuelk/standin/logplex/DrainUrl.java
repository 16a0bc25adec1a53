package io.herokuelk.standin.logplex;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A drain URL split the way Logplex uses it: the URL to request without its user info, and that user info as a
 * Basic {@code Authorization} header. {@link #redacted()} is the only form fit for logs: queries can hold secrets too.
 */
record DrainUrl(URI target, String authorization, String redacted) {

    static DrainUrl parse(URI url) {
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException("a drain URL is http or https, was " + scheme);
        }
        String authority = url.getRawAuthority();
        if (url.getHost() == null || authority == null) {
            throw new IllegalArgumentException("a drain URL needs a host");
        }
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
        URI target = URI.create(scheme + "://" + hostPort + path + query);
        return new DrainUrl(target, basic(url.getUserInfo()), scheme + "://" + hostPort + path);
    }

    private static String basic(String userInfo) {
        if (userInfo == null || userInfo.isEmpty()) {
            return null;
        }
        // getUserInfo() is already percent-decoded; Basic wants user:password as they are.
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return redacted;
    }
}
