/** Load harness for the simulator (issue 4): one simulate process, many drones, MAVSDK clients streaming telemetry. */
package org.winterwatch.benchmarks.simulator;
