// Stand-in for the Android SDK type of the same name, enough to compile and run Cordova's bridge code on a plain JVM.
package android.database;

public interface Cursor {
    int getColumnIndex(String name);
    int getCount();
    boolean moveToFirst();
    String getString(int column);
    void close();
}
