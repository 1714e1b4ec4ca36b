/** CSV and XLSX import and export, validation reports, the import/export command line and the import benchmark. */
@org.springframework.modulith.ApplicationModule(displayName = "Exchange")
package io.huikuan.exchange;
