/**
 * Settings: the properties file with env overrides, typed reads with one clear sentence for a bad value,
 * durations written and read one way, secrets and their masking, the registry names the YAML routes use.
 *
 * <p>Must not know any other package of ours: everything else reads its settings through here.
 */
package org.camelbyte.config;
