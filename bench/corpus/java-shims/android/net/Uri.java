// Stand-in for android.net.Uri over java.net.URI, with the accessors Cordova's bridge uses.
package android.net;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

public class Uri {
    public static final Uri EMPTY = new Uri("");
    private final String text;

    private Uri(String text) { this.text = text; }

    public static Uri parse(String uriString) {
        if (uriString == null) throw new NullPointerException("uriString");
        return new Uri(uriString);
    }

    public static Uri fromFile(File file) { return new Uri("file://" + file.getAbsolutePath()); }

    private URI uri() {
        try {
            return new URI(text.replace(" ", "%20"));
        } catch (URISyntaxException e) {
            return URI.create("");
        }
    }

    public String getScheme() { return uri().getScheme(); }
    public String getHost() { return uri().getHost(); }
    public int getPort() { return uri().getPort(); }
    public String getPath() { return uri().getPath(); }
    public String getEncodedPath() { return uri().getRawPath(); }
    public String getQuery() { return uri().getQuery(); }
    public String getEncodedQuery() { return uri().getRawQuery(); }
    public String getFragment() { return uri().getFragment(); }
    public String getAuthority() { return uri().getAuthority(); }
    public String getUserInfo() { return uri().getUserInfo(); }
    public String getSchemeSpecificPart() { return uri().getSchemeSpecificPart(); }
    public boolean isRelative() { return getScheme() == null; }
    public boolean isAbsolute() { return !isRelative(); }
    public boolean isOpaque() { return uri().isOpaque(); }
    public boolean isHierarchical() { return !isOpaque(); }

    public List<String> getPathSegments() {
        String path = getPath();
        List<String> segments = new ArrayList<>();
        if (path == null) return segments;
        for (String part : path.split("/")) if (!part.isEmpty()) segments.add(part);
        return segments;
    }

    public String getLastPathSegment() {
        List<String> segments = getPathSegments();
        return segments.isEmpty() ? null : segments.get(segments.size() - 1);
    }

    public String getQueryParameter(String key) {
        String query = getQuery();
        if (query == null) return null;
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(key)) return kv.length > 1 ? kv[1] : "";
        }
        return null;
    }

    public Builder buildUpon() { return new Builder(getScheme(), getAuthority(), getPath(), getQuery(), getFragment()); }

    @Override public String toString() { return text; }
    @Override public boolean equals(Object o) { return o instanceof Uri && ((Uri) o).text.equals(text); }
    @Override public int hashCode() { return text.hashCode(); }

    public static final class Builder {
        private String scheme;
        private String authority;
        private String path;
        private String query;
        private String fragment;

        public Builder() {}

        private Builder(String scheme, String authority, String path, String query, String fragment) {
            this.scheme = scheme;
            this.authority = authority;
            this.path = path;
            this.query = query;
            this.fragment = fragment;
        }

        public Builder scheme(String value) { scheme = value; return this; }
        public Builder authority(String value) { authority = value; return this; }
        public Builder encodedAuthority(String value) { authority = value; return this; }
        public Builder path(String value) { path = value; return this; }
        public Builder encodedPath(String value) { path = value; return this; }
        public Builder appendPath(String segment) { path = (path == null || path.endsWith("/") ? (path == null ? "/" : path) : path + "/") + segment; return this; }
        public Builder query(String value) { query = value; return this; }
        public Builder encodedQuery(String value) { query = value; return this; }
        public Builder fragment(String value) { fragment = value; return this; }
        public Builder appendQueryParameter(String key, String value) { query = (query == null ? "" : query + "&") + key + "=" + value; return this; }

        public Uri build() {
            StringBuilder out = new StringBuilder();
            if (scheme != null) out.append(scheme).append(':');
            if (authority != null) out.append("//").append(authority);
            if (path != null) out.append(path);
            if (query != null) out.append('?').append(query);
            if (fragment != null) out.append('#').append(fragment);
            return new Uri(out.toString());
        }
    }

    static List<String> splitPath(String path) { return Arrays.asList(path.split("/")); }
}
