import com.adobe.epubcheck.tool.EpubChecker;

/**
 * Runs epubcheck on several EPUB files in one JVM (epubcheck's own command line takes one
 * file, and most of its time is starting up). Launched as a source file by
 * tests/support/epubcheck.ts: after each file's report it prints a NUL and epubcheck's exit
 * code on a line of their own.
 */
public class EpubCheckMany {
  public static void main(String[] files) {
    // One stream, so each report keeps its warnings and errors in order.
    System.setErr(System.out);
    for (String file : files) {
      int code = new EpubChecker().run(new String[] { file });
      System.out.println("\u0000" + code);
      System.out.flush();
    }
  }
}
