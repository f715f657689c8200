package io.sitelens.crawler.internal;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Counts words of visible text without building the page's text: whitespace-separated tokens holding a letter
 * or digit, where block elements and {@code <br>} separate words as they do in {@code Element.text()}.
 */
final class WordCounter implements NodeVisitor {
    private int words;
    private boolean counted;

    private WordCounter() {}

    static int count(Element body) {
        WordCounter c = new WordCounter();
        NodeTraversor.traverse(c, body);
        return c.words;
    }

    @Override
    public void head(Node node, int depth) {
        if (node instanceof TextNode t) {
            String s = t.getWholeText();
            int n = s.length();
            boolean inWord = counted;
            for (int i = 0; i < n; i++) {
                char ch = s.charAt(i);
                boolean space = ch <= ' '
                        ? ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == '\f' || ch == 0x0b
                        : ch >= 0x80 && (ch == '\u00a0' || Character.isWhitespace(ch));
                if (space) {
                    inWord = false;
                } else if (!inWord && Character.isLetterOrDigit(ch)) {
                    words++;
                    inWord = true;
                }
            }
            counted = inWord;
        } else if (node instanceof Element e && (e.isBlock() || e.normalName().equals("br"))) {
            boundary();
        }
    }

    @Override
    public void tail(Node node, int depth) {
        if (node instanceof Element e && e.isBlock()) {
            boundary();
        }
    }

    private void boundary() {
        counted = false;
    }
}
