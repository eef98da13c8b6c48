// Stand-in for the Android SDK type of the same name, enough to compile and run Cordova's bridge code on a plain JVM.
package android.content.res;

public class AssetFileDescriptor {
    public java.io.FileInputStream createInputStream() throws java.io.IOException { throw new java.io.IOException("no asset"); }
    public java.io.FileOutputStream createOutputStream() throws java.io.IOException { throw new java.io.IOException("no asset"); }
    public long getLength() { return -1; }
    public long getStartOffset() { return 0; }
    public java.nio.channels.FileChannel getChannel() { return null; }
}
