/** Customers (debtors), contacts and their roles, portfolios (owner). */
@org.springframework.modulith.ApplicationModule(displayName = "Customer")
package io.huikuan.customer;
