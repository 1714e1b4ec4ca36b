/**
 * The header's global search: customers (code, name, unified social credit code), invoices, payments and
 * issued documents by their numbers, limited to what the user may see. Read-only lookups over the
 * other modules' tables, by equality or indexed prefix only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package io.huikuan.search;
