/** The deterministic portfolio generator and the demo data loaded on an empty embedded database. */
@org.springframework.modulith.ApplicationModule(displayName = "Demo")
package io.huikuan.demo;
