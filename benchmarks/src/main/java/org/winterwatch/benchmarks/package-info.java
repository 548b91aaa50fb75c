/** JMH benchmarks and load harnesses for WinterWatch; run by hand through {@code benchmarks/run}. */
package org.winterwatch.benchmarks;
