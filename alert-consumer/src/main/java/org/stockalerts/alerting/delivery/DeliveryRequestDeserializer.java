package org.stockalerts.alerting.delivery;

import org.stockalerts.common.kafka.JsonEventDeserializer;

/** Reads {@link DeliveryRequest}s from the delivery topic and its retry and dead-letter topics. */
public class DeliveryRequestDeserializer extends JsonEventDeserializer<DeliveryRequest> {

    public DeliveryRequestDeserializer() {
        super(DeliveryRequest.class);
    }
}
