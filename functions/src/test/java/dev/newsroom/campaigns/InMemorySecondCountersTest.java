package dev.newsroom.campaigns;

class InMemorySecondCountersTest extends SendRateContract {

  @Override
  SecondCounters counters() {
    return new InMemorySecondCounters();
  }
}
