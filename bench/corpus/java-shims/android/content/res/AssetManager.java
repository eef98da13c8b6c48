// Stand-in for the Android SDK type of the same name, enough to compile and run Cordova's bridge code on a plain JVM.
package android.content.res;

public class AssetManager {
    public java.io.InputStream open(String fileName) throws java.io.IOException { throw new java.io.FileNotFoundException(fileName); }
    public AssetFileDescriptor openFd(String fileName) throws java.io.IOException { throw new java.io.FileNotFoundException(fileName); }
    public String[] list(String path) { return new String[0]; }
}
