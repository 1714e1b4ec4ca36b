package io.huikuan.correspondence;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** An element of the XHTML that {@link XhtmlPdfWriter} lays out: its tag, attributes and children (elements or text). */
record XhtmlNode(String tag, Map<String, String> attributes, List<Object> children) {

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XML.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        XML.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    /** The document element of an XHTML text (a Thymeleaf template rendered in HTML mode, written as XHTML). */
    static XhtmlNode parse(String xhtml) {
        try {
            XMLStreamReader r = XML.createXMLStreamReader(new StringReader(xhtml));
            Deque<XhtmlNode> open = new ArrayDeque<>();
            XhtmlNode root = null;
            while (r.hasNext()) {
                switch (r.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        Map<String, String> attributes = new HashMap<>(4);
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            attributes.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
                        }
                        XhtmlNode n = new XhtmlNode(r.getLocalName().toLowerCase(java.util.Locale.ROOT), attributes, new ArrayList<>());
                        if (open.isEmpty()) {
                            root = n;
                        } else {
                            open.peek().children().add(n);
                        }
                        open.push(n);
                    }
                    case XMLStreamConstants.END_ELEMENT -> open.pop();
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!open.isEmpty()) {
                            open.peek().children().add(r.getText());
                        }
                    }
                    default -> {
                    }
                }
            }
            return root;
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("the document template is not well-formed XHTML: " + e.getMessage(), e);
        }
    }

    boolean has(String cssClass) {
        String c = attributes.get("class");
        if (c == null) {
            return false;
        }
        for (String s : c.split(" ")) {
            if (s.equals(cssClass)) {
                return true;
            }
        }
        return false;
    }

    String attribute(String name) {
        return attributes.get(name);
    }

    /** The child elements (text between them dropped). */
    List<XhtmlNode> elements() {
        List<XhtmlNode> e = new ArrayList<>(children.size());
        for (Object c : children) {
            if (c instanceof XhtmlNode n) {
                e.add(n);
            }
        }
        return e;
    }

    /** The first descendant element with this tag, or null. */
    XhtmlNode find(String name) {
        for (Object c : children) {
            if (c instanceof XhtmlNode n) {
                if (n.tag().equals(name)) {
                    return n;
                }
                XhtmlNode f = n.find(name);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }

    /** The text of the element and its descendants in order ({@code <br/>} as a line break). */
    String text() {
        StringBuilder b = new StringBuilder();
        text(b);
        return b.toString();
    }

    private void text(StringBuilder b) {
        for (Object c : children) {
            if (c instanceof String s) {
                b.append(s);
            } else if (c instanceof XhtmlNode n) {
                if (n.tag().equals("br")) {
                    b.append('\u2028');
                } else if (!n.tag().equals("style") && !n.tag().equals("script")) {
                    n.text(b);
                }
            }
        }
    }
}
