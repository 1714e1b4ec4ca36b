/**
 * Worklist: what collectors do and say. So far the excuse taxonomy, the personality types of
 * contacts and the script library (话术库) with its conduct check; tasks, activities, promises and
 * targets follow.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Worklist")
package io.huikuan.worklist;
