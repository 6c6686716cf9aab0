package dev.newsroom.devserver;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** DynamoDB Streams records as Lambda hands them to a function (the dev server's and tests' poller). */
public final class StreamEvents {

  private StreamEvents() {}

  public static DynamodbEvent.DynamodbStreamRecord convert(String streamArn, Record record) {
    var stream = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord();
    stream.setKeys(image(record.dynamodb().keys()));
    stream.setNewImage(record.dynamodb().hasNewImage() ? image(record.dynamodb().newImage()) : null);
    stream.setOldImage(record.dynamodb().hasOldImage() ? image(record.dynamodb().oldImage()) : null);
    stream.setSequenceNumber(record.dynamodb().sequenceNumber());
    if (record.dynamodb().streamViewType() != null) {
      stream.setStreamViewType(com.amazonaws.services.lambda.runtime.events.models.dynamodb
          .StreamViewType.fromValue(record.dynamodb().streamViewTypeAsString()));
    }
    if (record.dynamodb().approximateCreationDateTime() != null) {
      stream.setApproximateCreationDateTime(Date.from(record.dynamodb()
          .approximateCreationDateTime()));
    }
    DynamodbEvent.DynamodbStreamRecord converted = new DynamodbEvent.DynamodbStreamRecord();
    converted.setEventID(record.eventID());
    converted.setEventName(record.eventNameAsString());
    converted.setEventSource("aws:dynamodb");
    converted.setEventSourceARN(streamArn);
    converted.setAwsRegion("us-east-1");
    converted.setDynamodb(stream);
    return converted;
  }

  private static Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb
      .AttributeValue> image(Map<String, AttributeValue> item) {
    Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue>
        image = new HashMap<>();
    item.forEach((name, value) -> image.put(name, value(value)));
    return image;
  }

  private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue value(
      AttributeValue v) {
    var out = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
    if (v.s() != null) {
      out.setS(v.s());
    } else if (v.n() != null) {
      out.setN(v.n());
    } else if (v.bool() != null) {
      out.setBOOL(v.bool());
    } else if (Boolean.TRUE.equals(v.nul())) {
      out.setNULL(true);
    } else if (v.hasL()) {
      out.setL(v.l().stream().map(StreamEvents::value).toList());
    } else if (v.hasM()) {
      out.setM(image(v.m()));
    } else if (v.hasSs()) {
      out.setSS(v.ss());
    } else if (v.hasNs()) {
      out.setNS(v.ns());
    } else if (v.b() != null) {
      out.setB(v.b().asByteBuffer());
    }
    return out;
  }
}
