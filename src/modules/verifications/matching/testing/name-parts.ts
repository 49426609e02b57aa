/**
 * Name parts of Madhya Pradesh, in Devanagari and the Latin spellings people use, for
 * generated records (the records-search bench, the labelled set's distractors). Each entry is
 * "देवनागरी|Latin,Other Latin"; an entry listed twice is twice as common.
 */

export interface NamePart {
  hi: string;
  en: string[];
}

function parts(list: string): NamePart[] {
  return list
    .split(/\s*;\s*/)
    .filter(Boolean)
    .map((e) => {
      const [hi, en] = e.split('|');
      return { hi: hi!.trim(), en: en!.split(',').map((s) => s.trim()) };
    });
}

export const HINDU_MALE = parts(`
  राजेश|Rajesh; राजेश|Rajesh; रमेश|Ramesh; रमेश|Ramesh; सुरेश|Suresh; सुरेश|Suresh; महेश|Mahesh; दिनेश|Dinesh;
  राकेश|Rakesh; मुकेश|Mukesh; नरेश|Naresh; उमेश|Umesh; गणेश|Ganesh; संतोष|Santosh; संतोष|Santosh;
  संजय|Sanjay,Sanjai; संजय|Sanjay; विजय|Vijay,Vijai; अजय|Ajay,Ajai; अनिल|Anil; सुनील|Sunil,Suneel;
  मनोज|Manoj; मनोज|Manoj; विनोद|Vinod,Binod; प्रमोद|Pramod; अशोक|Ashok; राजू|Raju; राजू|Raju; पप्पू|Pappu;
  सोनू|Sonu; मोनू|Monu; रवि|Ravi; राहुल|Rahul; राहुल|Rahul; अमित|Amit; सचिन|Sachin; विकास|Vikas,Wikas;
  दीपक|Deepak,Dipak; राम|Ram; श्याम|Shyam; मोहन|Mohan; सोहन|Sohan; गोपाल|Gopal; कैलाश|Kailash;
  जगदीश|Jagdish,Jagadish; ओमप्रकाश|Omprakash,Om Prakash; रामप्रसाद|Ramprasad,Ram Prasad; रामेश्वर|Rameshwar;
  हरिओम|Hariom; बृजेश|Brijesh; ब्रजेश|Brajesh; नरेंद्र|Narendra,Narender; सुरेंद्र|Surendra,Surender;
  महेंद्र|Mahendra,Mahender; जितेंद्र|Jitendra,Jitender; धर्मेंद्र|Dharmendra; देवेंद्र|Devendra;
  राजेंद्र|Rajendra,Rajender; वीरेंद्र|Virendra,Virender; पुष्पेंद्र|Pushpendra; शैलेंद्र|Shailendra;
  गौरव|Gaurav,Gourav; सौरभ|Saurabh,Sourabh; अंकित|Ankit; रोहित|Rohit; मोहित|Mohit; नितिन|Nitin;
  प्रदीप|Pradeep,Pradip; संदीप|Sandeep,Sandip; कुलदीप|Kuldeep,Kuldip; मुन्ना|Munna; कल्लू|Kallu;
  बबलू|Bablu,Babloo; लल्लू|Lallu; हल्के|Halke; भगवानदास|Bhagwandas,Bhagwan Das; रामदास|Ramdas,Ram Das;
  किशनलाल|Kishanlal,Kishan Lal; मोहनलाल|Mohanlal,Mohan Lal; हीरालाल|Hiralal,Heeralal; मुन्नालाल|Munnalal;
  छोटेलाल|Chhotelal,Chotelal; बाबूलाल|Babulal; मांगीलाल|Mangilal; कन्हैयालाल|Kanhaiyalal,Kanhaiya Lal;
  रामचरण|Ramcharan,Ram Charan; शिवचरण|Shivcharan; लखन|Lakhan; भरत|Bharat; दशरथ|Dashrath; गणपत|Ganpat;
  बलराम|Balram; घनश्याम|Ghanshyam; राधेश्याम|Radheshyam; शिवनारायण|Shivnarayan,Shiv Narayan;
  रामनारायण|Ramnarayan; प्रकाश|Prakash; आकाश|Akash; विशाल|Vishal; अर्जुन|Arjun; करण|Karan; विक्रम|Vikram;
  आनंद|Anand; अरविंद|Arvind,Arwind; गोविंद|Govind,Gobind; हरिशंकर|Harishankar; उमाशंकर|Umashankar;
  कमल|Kamal; नवीन|Naveen,Navin; प्रवीण|Praveen,Pravin; क्षितिज|Kshitij,Xitij; सिद्धार्थ|Siddharth,Sidharth;
  ऋषि|Rishi; लक्ष्मण|Laxman,Lakshman; भैयालाल|Bhaiyalal; तुलसीराम|Tulsiram; सुखराम|Sukhram;
  मानसिंह|Mansingh,Man Singh; हरिसिंह|Harisingh,Hari Singh; रणजीत|Ranjeet,Ranjit; दयाराम|Dayaram;
  कामताप्रसाद|Kamta Prasad; रामस्वरूप|Ramswaroop,Ram Swaroop; गोरेलाल|Gorelal; धनीराम|Dhaniram
`);

export const TRIBAL_MALE = parts(`
  कालू|Kalu; धन्ना|Dhanna; भीमा|Bhima; थावरा|Thavra; मांगू|Mangu; केसर|Kesar; झितरा|Jhitra; दीता|Dita;
  बिसाहू|Bisahu; चैतराम|Chaitram; सुकरू|Sukru; शनिचरा|Shanichara; बुधराम|Budhram; इतवारी|Itwari;
  मंगल|Mangal; सुखलाल|Sukhlal; फूलसिंह|Phoolsingh,Phool Singh; धनसिंह|Dhansingh,Dhan Singh; हल्लू|Hallu;
  सोनसिंह|Sonsingh; नाथू|Nathu; तेरसिंह|Tersingh; गुलाबसिंह|Gulab Singh
`);

export const HINDU_FEMALE = parts(`
  सुनीता|Sunita; सुनीता|Sunita; कमला|Kamla,Kamala; गीता|Geeta,Gita; सीता|Sita,Seeta; राधा|Radha;
  पूजा|Pooja,Puja; लक्ष्मी|Lakshmi,Laxmi; रेखा|Rekha; ममता|Mamta,Mamata; सावित्री|Savitri;
  अनीता|Anita,Aneeta; सीमा|Seema,Sima; रीता|Rita,Reeta; प्रियंका|Priyanka; नेहा|Neha; प्रीति|Preeti,Priti;
  कविता|Kavita; सरला|Sarla; शांति|Shanti; रामकली|Ramkali; फूलवती|Phoolwati,Fulwati; मुन्नी|Munni;
  भगवती|Bhagwati; हेमलता|Hemlata; सोमवती|Somwati,Somvati; जानकी|Janki,Janaki; भूरी|Bhuri; बुधिया|Budhiya;
  सुमित्रा|Sumitra; बबीता|Babita; ऊषा|Usha; आशा|Asha; मीना|Meena; ललिता|Lalita; रितु|Ritu; सपना|Sapna;
  अंजली|Anjali; ज्योति|Jyoti
`);

export const FEMALE_SUFFIX = parts(`बाई|Bai; बाई|Bai; देवी|Devi; कुमारी|Kumari`);

export const HINDU_SURNAME = parts(`
  शर्मा|Sharma; शर्मा|Sharma; तिवारी|Tiwari,Tiwary; मिश्रा|Mishra; दुबे|Dubey,Dube; पांडे|Pandey,Pande;
  शुक्ला|Shukla; त्रिपाठी|Tripathi; द्विवेदी|Dwivedi; श्रीवास्तव|Shrivastava,Srivastava; वर्मा|Verma;
  गुप्ता|Gupta; जैन|Jain; अग्रवाल|Agrawal,Agarwal; सोनी|Soni; राठौर|Rathore,Rathor; तोमर|Tomar;
  परमार|Parmar; चौहान|Chauhan,Chouhan; रघुवंशी|Raghuvanshi,Raghuwanshi; ठाकुर|Thakur; भदौरिया|Bhadoria;
  यादव|Yadav; यादव|Yadav; यादव|Yadav; कुशवाहा|Kushwaha,Kushwah; कुशवाहा|Kushwaha; पटेल|Patel; पटेल|Patel;
  लोधी|Lodhi; लोधी|Lodhi; साहू|Sahu; साहू|Sahu; प्रजापति|Prajapati; विश्वकर्मा|Vishwakarma,Vishvakarma;
  नामदेव|Namdev; सेन|Sen; चौरसिया|Chaurasia,Chourasia; गुर्जर|Gurjar; धाकड़|Dhakad; किरार|Kirar;
  मीणा|Meena; मालवीय|Malviya; अहिरवार|Ahirwar; अहिरवार|Ahirwar; अहिरवार|Ahirwar; जाटव|Jatav; जाटव|Jatav;
  वाल्मीकि|Valmiki; वंशकार|Vanshkar; चौधरी|Choudhary,Chaudhari,Chaudhary; खटीक|Khatik; कोरी|Kori;
  बघेल|Baghel; राजपूत|Rajput; मेहरा|Mehra
`);

export const HINDU_MIDDLE = parts(
  `कुमार|Kumar; कुमार|Kumar; कुमार|Kumar; प्रसाद|Prasad; सिंह|Singh; लाल|Lal`,
);

export const TRIBAL_SURNAME = parts(`
  भूरिया|Bhuria,Bhuriya; डामोर|Damor; कटारा|Katara; मेडा|Meda; निनामा|Ninama; भाबोर|Bhabhor;
  वसुनिया|Vasuniya; मरकाम|Markam; नेताम|Netam; उइके|Uikey,Uike; धुर्वे|Dhurve,Dhurwey; मरावी|Maravi,Marawi;
  टेकाम|Tekam; कुमरे|Kumre; परतेती|Parteti; सलामे|Salame; कुसराम|Kusram; जामरा|Jamra; कासदेकर|Kasdekar;
  बैगा|Baiga; सहरिया|Sahariya; भिलाला|Bhilala; बारेला|Barela
`);

export const MUSLIM_PREFIX = parts(`मोहम्मद|Mohammad,Mohd.,Mohammed,Md.,Muhammad; अब्दुल|Abdul`);

export const MUSLIM_MALE = parts(`
  इरफ़ान|Irfan; सलीम|Salim,Saleem; इमरान|Imran; आरिफ़|Arif; आसिफ़|Asif; शाहिद|Shahid; वसीम|Wasim,Waseem;
  साजिद|Sajid; रिज़वान|Rizwan; अनवर|Anwar; असलम|Aslam; रशीद|Rashid,Rasheed; हमीद|Hamid,Hameed;
  यूसुफ़|Yusuf,Yousuf; इक़बाल|Iqbal; जावेद|Javed; नदीम|Nadeem; शकील|Shakeel,Shakil; नसीर|Nasir,Naseer;
  अयूब|Ayub,Ayyub; रफ़ीक़|Rafiq,Rafique; सत्तार|Sattar; करीम|Karim,Kareem; हनीफ़|Hanif,Haneef;
  यासीन|Yasin,Yaseen; उस्मान|Usman; शाहरुख़|Shahrukh; सलमान|Salman; फ़रहान|Farhan; आफ़ताब|Aftab;
  परवेज़|Parvez,Pervez; नौशाद|Naushad,Noushad; साबिर|Sabir; शफ़ीक़|Shafiq; इरशाद|Irshad; मक़सूद|Maqsood;
  लियाक़त|Liyaqat; अज़ीज़|Aziz; हफ़ीज़|Hafeez
`);

export const MUSLIM_FEMALE = parts(`
  नसीम|Naseem; शबाना|Shabana; रुख़साना|Rukhsana; तबस्सुम|Tabassum; फ़रीदा|Farida,Fareeda; रेहाना|Rehana;
  शबनम|Shabnam; रुबीना|Rubina; नाज़िया|Nazia; सायरा|Saira; फ़ातिमा|Fatima; ज़ैनब|Zainab; आयशा|Ayesha,Aisha
`);

export const MUSLIM_FEMALE_SUFFIX = parts(
  `बानो|Bano; बी|Bi,Bee; बेगम|Begum; ख़ातून|Khatoon,Khatun; परवीन|Parveen`,
);

export const MUSLIM_SURNAME = parts(`
  ख़ान|Khan; ख़ान|Khan; ख़ान|Khan; क़ुरैशी|Qureshi,Kureshi; अंसारी|Ansari; शेख़|Shaikh,Sheikh;
  सिद्दीक़ी|Siddiqui; मंसूरी|Mansoori,Mansuri; सैयद|Syed,Sayyed; पठान|Pathan; मिर्ज़ा|Mirza;
  हुसैन|Hussain,Husain; अली|Ali; अहमद|Ahmed,Ahmad; आलम|Alam
`);

export const SIKH_MALE = parts(`
  गुरप्रीत|Gurpreet; हरजीत|Harjeet,Harjit; सुखविंदर|Sukhwinder,Sukhvinder; परमजीत|Paramjeet,Paramjit;
  जसविंदर|Jaswinder; बलविंदर|Balwinder; कुलदीप|Kuldeep; अमरजीत|Amarjeet,Amarjit; मनजीत|Manjeet,Manjit;
  हरभजन|Harbhajan; जरनैल|Jarnail; करतार|Kartar; गुरमीत|Gurmeet,Gurmit; अवतार|Avtar
`);

export const SIKH_FEMALE = parts(
  `गुरप्रीत|Gurpreet; हरजीत|Harjeet; मनजीत|Manjeet; जसप्रीत|Jaspreet; सुखविंदर|Sukhwinder`,
);

export const SIKH_SURNAME = parts(`बेदी|Bedi; गिल|Gill; सैनी|Saini; छाबड़ा|Chhabra; अरोड़ा|Arora`);

export const CHRISTIAN_MALE = parts(`
  जोसेफ़|Joseph; थॉमस|Thomas; पीटर|Peter; जॉन|John; डेनियल|Daniel; सैमुअल|Samuel; पॉल|Paul;
  फ्रांसिस|Francis; मैथ्यू|Mathew,Matthew; साइमन|Simon; डेविड|David
`);

export const CHRISTIAN_FEMALE = parts(
  `मैरी|Mary; रीना|Reena,Rina; एग्नेस|Agnes; सुनीता|Sunita; प्रिया|Priya; एलिज़ाबेथ|Elizabeth`,
);

export const CHRISTIAN_SURNAME = parts(`
  मसीह|Masih; मसीह|Masih; डिसूज़ा|D'Souza,Dsouza; लकड़ा|Lakra; कुजूर|Kujur; एक्का|Ekka; मिंज|Minz;
  टोप्पो|Toppo; तिर्की|Tirkey; केरकेट्टा|Kerketta; फ़र्नांडिस|Fernandes
`);

export const SINGH = parts(`सिंह|Singh`)[0]!;
export const KAUR = parts(`कौर|Kaur`)[0]!;

/** Bhopal's localities, for addresses. */
export const LOCALITIES = parts(`
  अशोका गार्डन|Ashoka Garden; जहांगीराबाद|Jahangirabad; बैरागढ़|Bairagarh; कोलार रोड|Kolar Road;
  शाहपुरा|Shahpura; गोविंदपुरा|Govindpura; पिपलानी|Piplani; ऐशबाग|Aishbagh; छोला|Chhola;
  टीला जमालपुरा|Tila Jamalpura; बुधवारा|Budhwara; इतवारा|Itwara; शाहजहानाबाद|Shahjahanabad; करोंद|Karond;
  अयोध्या नगर|Ayodhya Nagar; गांधी नगर|Gandhi Nagar; मिसरोद|Misrod; बैरसिया|Berasia; हनुमानगंज|Hanumanganj;
  निशातपुरा|Nishatpura; कोहेफ़िज़ा|Koh-e-Fiza; तलैया|Talaiya; मंगलवारा|Mangalwara; कमला नगर|Kamla Nagar;
  टीटी नगर|TT Nagar; अरेरा कॉलोनी|Arera Colony; बाग सेवनिया|Bagh Sewania; अवधपुरी|Awadhpuri;
  जाटखेड़ी|Jatkhedi; कटारा हिल्स|Katara Hills
`);
