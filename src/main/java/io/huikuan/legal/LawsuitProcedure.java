package io.huikuan.legal;

/** The procedure of a lawsuit: ordinary (普通程序) or summary (简易程序, 民事诉讼法 art. 160 ff.). */
public enum LawsuitProcedure {
    ORDINARY, SUMMARY
}
