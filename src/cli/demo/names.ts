/** Common names of the region, in both scripts, for plausible demo officers. Index-aligned. */
export const MALE_FIRST = [
  ['Ramesh', 'रमेश'], ['Suresh', 'सुरेश'], ['Rajesh', 'राजेश'], ['Mahesh', 'महेश'], ['Dinesh', 'दिनेश'],
  ['Rakesh', 'राकेश'], ['Anil', 'अनिल'], ['Sunil', 'सुनील'], ['Vijay', 'विजय'], ['Sanjay', 'संजय'],
  ['Ajay', 'अजय'], ['Manoj', 'मनोज'], ['Pramod', 'प्रमोद'], ['Vinod', 'विनोद'], ['Ashok', 'अशोक'],
  ['Santosh', 'संतोष'], ['Rahul', 'राहुल'], ['Amit', 'अमित'], ['Deepak', 'दीपक'], ['Arvind', 'अरविंद'],
  ['Mukesh', 'मुकेश'], ['Naresh', 'नरेश'], ['Kamlesh', 'कमलेश'], ['Brijesh', 'बृजेश'], ['Shailendra', 'शैलेन्द्र'],
  ['Dharmendra', 'धर्मेन्द्र'], ['Yogesh', 'योगेश'], ['Imran', 'इमरान'], ['Salim', 'सलीम'], ['Harpreet', 'हरप्रीत'],
] as const;

export const FEMALE_FIRST = [
  ['Sunita', 'सुनीता'], ['Anita', 'अनीता'], ['Kavita', 'कविता'], ['Rekha', 'रेखा'], ['Pooja', 'पूजा'],
  ['Priya', 'प्रिया'], ['Neha', 'नेहा'], ['Shweta', 'श्वेता'], ['Mamta', 'ममता'], ['Seema', 'सीमा'],
  ['Rashmi', 'रश्मि'], ['Shabnam', 'शबनम'], ['Jyoti', 'ज्योति'], ['Archana', 'अर्चना'], ['Kshama', 'क्षमा'],
] as const;

export const SURNAMES = [
  ['Sharma', 'शर्मा'], ['Verma', 'वर्मा'], ['Yadav', 'यादव'], ['Patel', 'पटेल'], ['Singh', 'सिंह'],
  ['Chouhan', 'चौहान'], ['Tiwari', 'तिवारी'], ['Mishra', 'मिश्रा'], ['Dubey', 'दुबे'], ['Pandey', 'पाण्डेय'],
  ['Raghuwanshi', 'रघुवंशी'], ['Thakur', 'ठाकुर'], ['Kushwaha', 'कुशवाहा'], ['Malviya', 'मालवीय'], ['Ahirwar', 'अहिरवार'],
  ['Khan', 'खान'], ['Qureshi', 'कुरैशी'], ['Soni', 'सोनी'], ['Jain', 'जैन'], ['Saxena', 'सक्सेना'],
  ['Shrivastava', 'श्रीवास्तव'], ['Dwivedi', 'द्विवेदी'], ['Kshatriya', 'क्षत्रिय'], ['Rajput', 'राजपूत'], ['Meena', 'मीणा'],
] as const;
