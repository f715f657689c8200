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
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                if (Character.isWhitespace(ch) || ch == '\u00a0') {
                    counted = false;
                } else {
                    if (!counted && Character.isLetterOrDigit(ch)) {
                        words++;
                        counted = true;
                    }
                }
            }
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
