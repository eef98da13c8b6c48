// Stand-in for the Android SDK type of the same name, enough to compile and run Cordova's bridge code on a plain JVM.
package android.content;

public class ContentResolver {
    public static final String SCHEME_CONTENT = "content";
    public static final String SCHEME_ANDROID_RESOURCE = "android.resource";
    public static final String SCHEME_FILE = "file";
    public android.database.Cursor query(android.net.Uri uri, String[] projection, String selection, String[] args, String order) { return null; }
    public String getType(android.net.Uri uri) { return null; }
    public android.content.res.AssetFileDescriptor openAssetFileDescriptor(android.net.Uri uri, String mode) throws java.io.FileNotFoundException { throw new java.io.FileNotFoundException(String.valueOf(uri)); }
    public java.io.InputStream openInputStream(android.net.Uri uri) throws java.io.FileNotFoundException { throw new java.io.FileNotFoundException(String.valueOf(uri)); }
    public java.io.OutputStream openOutputStream(android.net.Uri uri, String mode) throws java.io.FileNotFoundException { throw new java.io.FileNotFoundException(String.valueOf(uri)); }
}
